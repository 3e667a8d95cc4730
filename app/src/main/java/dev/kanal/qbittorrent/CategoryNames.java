package dev.kanal.qbittorrent;

/**
 * qBittorrent's category name rule ({@code Session::isValidCategoryName}: no leading, trailing or
 * doubled {@code /}, no backslash), tightened so a name can never step out of the download
 * directory: no {@code .}/{@code ..} segments, no control characters, at most 100 characters.
 */
public final class CategoryNames {
    private CategoryNames() {}

    public static boolean valid(String name) {
        if (name == null || name.isEmpty() || name.length() > 100) return false;
        if (name.startsWith("/") || name.endsWith("/") || name.contains("//") || name.contains("\\")) return false;
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) return false;
        for (String part : name.split("/")) {
            if (part.isBlank() || part.equals(".") || part.equals("..")) return false;
        }
        return true;
    }
}
