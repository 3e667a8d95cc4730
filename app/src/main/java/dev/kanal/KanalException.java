package dev.kanal;

/**
 * A failure Kanal reports to its caller. {@code web.HttpServer} maps each variant in one place and
 * renders it in the caller's protocol (Torznab XML, qBittorrent plain text, or problem JSON).
 * Programmer errors are not KanalExceptions; they become a 500 with one ERROR log.
 */
public sealed class KanalException extends RuntimeException {
    private final int status;

    private KanalException(int status, String message, Throwable cause) {
        super(message, cause, false, false);
        this.status = status;
    }

    /** The HTTP status this failure maps to. */
    public int status() {
        return status;
    }

    /** The request is malformed or names something invalid (400). */
    public static final class BadRequest extends KanalException {
        public BadRequest(String message) {
            super(400, message, null);
        }
    }

    /** Missing or wrong credentials (401 for Kanal's API; surfaces may render it their own way). */
    public static final class Unauthorized extends KanalException {
        public Unauthorized(String message) {
            super(401, message, null);
        }
    }

    /** The caller may not do this (403). */
    public static final class Forbidden extends KanalException {
        public Forbidden(String message) {
            super(403, message, null);
        }
    }

    /** The thing asked for does not exist (404). */
    public static final class NotFound extends KanalException {
        public NotFound(String message) {
            super(404, message, null);
        }
    }

    /** The request conflicts with the current state (409). */
    public static final class Conflict extends KanalException {
        public Conflict(String message) {
            super(409, message, null);
        }
    }

    /** An upstream site or hoster failed while answering this request (502). */
    public static final class UpstreamFailed extends KanalException {
        public UpstreamFailed(String message, Throwable cause) {
            super(502, message, cause);
        }
    }

    /** Kanal is not ready for this yet, e.g. the catalog is still building (503). */
    public static final class Unavailable extends KanalException {
        public Unavailable(String message) {
            super(503, message, null);
        }
    }
}
