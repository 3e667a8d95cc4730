/**
 * Test support shared through the providers test-jar: {@link dev.kanal.providers.testing.hoster.FakeHosters}
 * (emulated hosters on WireMock), the page generators and the encoders that apply each hoster's
 * obfuscation to a known URL.
 */
package dev.kanal.providers.testing.hoster;
