# Loaded by Python at start-up when Kanal runs yt-dlp (PYTHONPATH points here).
# yt-dlp sends http(s) through Kanal's egress proxy (--proxy), but urllib opens ftp:// URLs
# (redirect targets, HLS segments) itself. This lock lets the process connect to the proxy
# and nowhere else, so no protocol can reach the network around the address guard.
import os as _os
import socket as _socket

_proxy = _os.environ.get("KANAL_EGRESS_PROXY", "")
if _proxy:
    _host, _, _port = _proxy.rpartition(":")
    _allowed = (_host, int(_port))
    _connect = _socket.socket.connect
    _connect_ex = _socket.socket.connect_ex

    def _check(sock, address):
        if sock.family == _socket.AF_INET and tuple(address[:2]) == _allowed:
            return
        raise ConnectionRefusedError(
            111, "kanal-egress-refused: only Kanal's egress proxy may be reached, not %r" % (address,))

    def _guarded_connect(self, address):
        _check(self, address)
        return _connect(self, address)

    def _guarded_connect_ex(self, address):
        _check(self, address)
        return _connect_ex(self, address)

    _socket.socket.connect = _guarded_connect
    _socket.socket.connect_ex = _guarded_connect_ex
