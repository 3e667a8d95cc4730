/**
 * Readers for the JavaScript tricks hosters hide URLs behind (p.a.c.k.e.r., string splicing,
 * escaped literals). They read text; nothing here executes JavaScript.
 */
package dev.kanal.providers.hoster.js;
