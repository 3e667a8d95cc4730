package dev.kanal.qbittorrent;

import dev.kanal.config.KanalConfig;
import dev.kanal.download.DownloadPaths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * {@code app/preferences} with every key qBittorrent 5.1.4 returns ({@code AppController::preferencesAction}),
 * in its order. Values that describe Kanal are real (save path, port, user name, session timeout,
 * auth bypass, queue limits); the BitTorrent-only ones carry qBittorrent's own defaults, so tools that
 * read {@code up_limit}, {@code dl_limit} or {@code scan_dirs} find the type they expect.
 */
public final class QbPreferences {
    private final DownloadPaths paths;
    private final KanalConfig.Qbittorrent config;
    private final IntSupplier port;

    /** @param port the port Kanal listens on (known once the server started) */
    public QbPreferences(DownloadPaths paths, KanalConfig.Qbittorrent config, IntSupplier port) {
        this.paths = paths;
        this.config = config;
        this.port = port;
    }

    Map<String, Object> values() {
        Map<String, Object> m = new LinkedHashMap<>();
        behaviour(m);
        downloads(m);
        connection(m);
        speed(m);
        bittorrent(m);
        webUi(m);
        rss(m);
        advanced(m);
        return m;
    }

    private void behaviour(Map<String, Object> m) {
        m.put("locale", "en");
        m.put("performance_warning", false);
        m.put("status_bar_external_ip", false);
        m.put("confirm_torrent_deletion", true);
        m.put("file_log_enabled", false);
        m.put("file_log_path", "");
        m.put("file_log_backup_enabled", true);
        m.put("file_log_max_size", 65);
        m.put("file_log_delete_old", true);
        m.put("file_log_age", 1);
        m.put("file_log_age_type", 1);
        m.put("delete_torrent_content_files", false);
    }

    private void downloads(Map<String, Object> m) {
        m.put("torrent_content_layout", "Original");
        m.put("add_to_top_of_queue", false);
        m.put("add_stopped_enabled", false);
        m.put("torrent_stop_condition", "None");
        m.put("merge_trackers", false);
        m.put("auto_delete_mode", 0);
        m.put("preallocate_all", false);
        m.put("incomplete_files_ext", false);
        m.put("use_unwanted_folder", false);
        m.put("auto_tmm_enabled", false);
        m.put("torrent_changed_tmm_enabled", true);
        m.put("save_path_changed_tmm_enabled", false);
        m.put("category_changed_tmm_enabled", false);
        m.put("use_subcategories", true);
        m.put("save_path", paths.toPublic(paths.root()));
        m.put("temp_path_enabled", false);
        m.put("temp_path", "");
        m.put("use_category_paths_in_manual_mode", false);
        m.put("export_dir", "");
        m.put("export_dir_fin", "");
        m.put("scan_dirs", Map.of());
        m.put("excluded_file_names_enabled", false);
        m.put("excluded_file_names", "");
        m.put("mail_notification_enabled", false);
        m.put("mail_notification_sender", "qBittorrent_notification@example.com");
        m.put("mail_notification_email", "");
        m.put("mail_notification_smtp", "smtp.changeme.com");
        m.put("mail_notification_ssl_enabled", false);
        m.put("mail_notification_auth_enabled", false);
        m.put("mail_notification_username", "");
        m.put("mail_notification_password", "");
        m.put("autorun_on_torrent_added_enabled", false);
        m.put("autorun_on_torrent_added_program", "");
        m.put("autorun_enabled", false);
        m.put("autorun_program", "");
    }

    private void connection(Map<String, Object> m) {
        m.put("listen_port", 0);
        m.put("ssl_enabled", false);
        m.put("ssl_listen_port", 0);
        m.put("random_port", true);
        m.put("upnp", false);
        m.put("max_connec", 500);
        m.put("max_connec_per_torrent", 100);
        m.put("max_uploads", 20);
        m.put("max_uploads_per_torrent", 4);
        m.put("i2p_enabled", false);
        m.put("i2p_address", "127.0.0.1");
        m.put("i2p_port", 7656);
        m.put("i2p_mixed_mode", false);
        m.put("i2p_inbound_quantity", 3);
        m.put("i2p_outbound_quantity", 3);
        m.put("i2p_inbound_length", 3);
        m.put("i2p_outbound_length", 3);
        m.put("proxy_type", "None");
        m.put("proxy_ip", "");
        m.put("proxy_port", 8080);
        m.put("proxy_auth_enabled", false);
        m.put("proxy_username", "");
        m.put("proxy_password", "");
        m.put("proxy_hostname_lookup", true);
        m.put("proxy_bittorrent", true);
        m.put("proxy_peer_connections", false);
        m.put("proxy_rss", true);
        m.put("proxy_misc", true);
        m.put("ip_filter_enabled", false);
        m.put("ip_filter_path", "");
        m.put("ip_filter_trackers", false);
        m.put("banned_IPs", "");
    }

    private void speed(Map<String, Object> m) {
        m.put("dl_limit", 0);
        m.put("up_limit", 0);
        m.put("alt_dl_limit", 10240);
        m.put("alt_up_limit", 10240);
        m.put("bittorrent_protocol", 0);
        m.put("limit_utp_rate", true);
        m.put("limit_tcp_overhead", false);
        m.put("limit_lan_peers", true);
        m.put("scheduler_enabled", false);
        m.put("schedule_from_hour", 8);
        m.put("schedule_from_min", 0);
        m.put("schedule_to_hour", 20);
        m.put("schedule_to_min", 0);
        m.put("scheduler_days", 0);
    }

    private void bittorrent(Map<String, Object> m) {
        m.put("dht", true);
        m.put("pex", true);
        m.put("lsd", true);
        m.put("encryption", 0);
        m.put("anonymous_mode", false);
        m.put("max_active_checking_torrents", 1);
        m.put("queueing_enabled", true);
        m.put("max_active_downloads", 3);
        m.put("max_active_torrents", 5);
        m.put("max_active_uploads", 3);
        m.put("dont_count_slow_torrents", false);
        m.put("slow_torrent_dl_rate_threshold", 2);
        m.put("slow_torrent_ul_rate_threshold", 2);
        m.put("slow_torrent_inactive_timer", 60);
        m.put("max_ratio_enabled", false);
        m.put("max_ratio", -1);
        m.put("max_seeding_time_enabled", false);
        m.put("max_seeding_time", -1);
        m.put("max_inactive_seeding_time_enabled", false);
        m.put("max_inactive_seeding_time", -1);
        m.put("max_ratio_act", 0);
        m.put("add_trackers_enabled", false);
        m.put("add_trackers", "");
        m.put("add_trackers_from_url_enabled", false);
        m.put("add_trackers_url", "");
        m.put("add_trackers_url_list", "");
    }

    private void webUi(Map<String, Object> m) {
        List<String> bypass = config.authBypass();
        m.put("web_ui_domain_list", "*");
        m.put("web_ui_address", "*");
        m.put("web_ui_port", port.getAsInt());
        m.put("web_ui_upnp", false);
        m.put("use_https", false);
        m.put("web_ui_https_cert_path", "");
        m.put("web_ui_https_key_path", "");
        m.put("web_ui_username", config.username());
        m.put("bypass_local_auth", bypass.stream().anyMatch(s -> s.equalsIgnoreCase("localhost")));
        m.put("bypass_auth_subnet_whitelist_enabled", !bypass.isEmpty());
        m.put("bypass_auth_subnet_whitelist", String.join("\n", bypass));
        m.put("web_ui_max_auth_fail_count", 5);
        m.put("web_ui_ban_duration", 3600);
        m.put("web_ui_session_timeout", config.sessionTimeout().toSeconds());
        m.put("alternative_webui_enabled", false);
        m.put("alternative_webui_path", "");
        m.put("web_ui_clickjacking_protection_enabled", true);
        m.put("web_ui_csrf_protection_enabled", true);
        m.put("web_ui_secure_cookie_enabled", true);
        m.put("web_ui_host_header_validation_enabled", false);
        m.put("web_ui_use_custom_http_headers_enabled", false);
        m.put("web_ui_custom_http_headers", "");
        m.put("web_ui_reverse_proxy_enabled", false);
        m.put("web_ui_reverse_proxies_list", "");
        m.put("dyndns_enabled", false);
        m.put("dyndns_service", 0);
        m.put("dyndns_username", "");
        m.put("dyndns_password", "");
        m.put("dyndns_domain", "changeme.dyndns.org");
    }

    private void rss(Map<String, Object> m) {
        m.put("rss_refresh_interval", 30);
        m.put("rss_fetch_delay", 2);
        m.put("rss_max_articles_per_feed", 50);
        m.put("rss_processing_enabled", false);
        m.put("rss_auto_downloading_enabled", false);
        m.put("rss_download_repack_proper_episodes", true);
        m.put("rss_smart_episode_filters", "s(\\d+)e(\\d+)\n(\\d+)x(\\d+)\n(\\d{4}[.\\-]\\d{1,2}[.\\-]\\d{1,2})");
    }

    private void advanced(Map<String, Object> m) {
        m.put("resume_data_storage_type", "Legacy");
        m.put("torrent_content_remove_option", "Delete");
        m.put("memory_working_set_limit", 512);
        m.put("current_network_interface", "");
        m.put("current_interface_name", "");
        m.put("current_interface_address", "");
        m.put("save_resume_data_interval", 60);
        m.put("save_statistics_interval", 15);
        m.put("torrent_file_size_limit", 104857600);
        m.put("confirm_torrent_recheck", true);
        m.put("recheck_completed_torrents", false);
        m.put("app_instance_name", "Kanal");
        m.put("refresh_interval", 1500);
        m.put("resolve_peer_countries", true);
        m.put("reannounce_when_address_changed", false);
        m.put("enable_embedded_tracker", false);
        m.put("embedded_tracker_port", 9000);
        m.put("embedded_tracker_port_forwarding", false);
        m.put("mark_of_the_web", true);
        m.put("ignore_ssl_errors", false);
        m.put("python_executable_path", "");
        m.put("bdecode_depth_limit", 100);
        m.put("bdecode_token_limit", 10000000);
        m.put("async_io_threads", 10);
        m.put("hashing_threads", 1);
        m.put("file_pool_size", 100);
        m.put("checking_memory_use", 32);
        m.put("disk_cache", -1);
        m.put("disk_cache_ttl", 60);
        m.put("disk_queue_size", 1048576);
        m.put("disk_io_type", 0);
        m.put("disk_io_read_mode", 1);
        m.put("disk_io_write_mode", 1);
        m.put("enable_coalesce_read_write", false);
        m.put("enable_piece_extent_affinity", false);
        m.put("enable_upload_suggestions", false);
        m.put("send_buffer_watermark", 500);
        m.put("send_buffer_low_watermark", 10);
        m.put("send_buffer_watermark_factor", 50);
        m.put("connection_speed", 30);
        m.put("socket_send_buffer_size", 0);
        m.put("socket_receive_buffer_size", 0);
        m.put("socket_backlog_size", 30);
        m.put("outgoing_ports_min", 0);
        m.put("outgoing_ports_max", 0);
        m.put("upnp_lease_duration", 0);
        m.put("peer_tos", 4);
        m.put("utp_tcp_mixed_mode", 0);
        m.put("idn_support_enabled", false);
        m.put("enable_multi_connections_from_same_ip", false);
        m.put("validate_https_tracker_certificate", true);
        m.put("ssrf_mitigation", true);
        m.put("block_peers_on_privileged_ports", false);
        m.put("upload_slots_behavior", 0);
        m.put("upload_choking_algorithm", 1);
        m.put("announce_to_all_trackers", false);
        m.put("announce_to_all_tiers", true);
        m.put("announce_ip", "");
        m.put("announce_port", 0);
        m.put("max_concurrent_http_announces", 50);
        m.put("stop_tracker_timeout", 2);
        m.put("peer_turnover", 4);
        m.put("peer_turnover_cutoff", 90);
        m.put("peer_turnover_interval", 300);
        m.put("request_queue_size", 500);
        m.put("dht_bootstrap_nodes", "dht.libtorrent.org:25401, dht.transmissionbt.com:6881, router.bittorrent.com:6881");
    }
}
