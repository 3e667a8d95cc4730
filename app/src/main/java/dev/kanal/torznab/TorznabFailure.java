package dev.kanal.torznab;

/**
 * A Torznab-level error, rendered as {@code <error code description/>} with HTTP 200 so that
 * Sonarr, Radarr and Prowlarr read the description (they discard bodies of 4xx answers).
 * Codes follow Newznab: 100 credentials, 200 missing parameter, 201 incorrect parameter, 202 no such
 * function, 900 anything else.
 */
final class TorznabFailure extends RuntimeException {
    static final int BAD_CREDENTIALS = 100;
    static final int MISSING_PARAMETER = 200;
    static final int INCORRECT_PARAMETER = 201;
    static final int NO_SUCH_FUNCTION = 202;
    static final int OTHER = 900;

    private final int code;

    TorznabFailure(int code, String description) {
        super(description, null, false, false);
        this.code = code;
    }

    int code() {
        return code;
    }

    static TorznabFailure incorrect(String parameter) {
        return new TorznabFailure(INCORRECT_PARAMETER, "Incorrect parameter (" + parameter + ")");
    }
}
