package dev.kanal.web;

import io.javalin.http.HttpStatus;

/** The reason phrase for a status code, for problem titles. */
final class HttpStatusText {
    private HttpStatusText() {}

    static String of(int status) {
        HttpStatus s = HttpStatus.forStatus(status);
        return s == HttpStatus.UNKNOWN ? "Error" : s.getMessage();
    }
}
