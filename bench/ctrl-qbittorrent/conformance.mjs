// Drives a running Kanal with the real @ctrl/qbittorrent client (arr-protocols §D, §F.9):
// login (SID cookie), version, addMagnet, listTorrents({hashes}) right after the add,
// normalizedAddTorrent, stop/start, remove. Exits non-zero on the first failure.
//   KANAL_URL=http://127.0.0.1:18080 KANAL_QBIT_PASSWORD=... node conformance.mjs
import { QBittorrent } from '@ctrl/qbittorrent';
import { createHash } from 'node:crypto';

const client = new QBittorrent({
  baseUrl: process.env.KANAL_URL ?? 'http://127.0.0.1:18080/',
  username: process.env.KANAL_QBIT_USERNAME ?? 'admin',
  password: process.env.KANAL_QBIT_PASSWORD,
});

function magnet(slug, ep) {
  const hash = createHash('sha1').update(`ctrl-${slug}-${ep}`).digest('hex');
  const dn = encodeURIComponent(`${slug} S01E0${ep} GER 1080p WEB h264-KANAL`);
  return { hash, uri: `magnet:?xt=urn:btih:${hash}&dn=${dn}&kanal_site=sto&kanal_slug=${slug}`
      + `&kanal_s=1&kanal_e=${ep}&kanal_lang=German%20Dub` };
}

function check(cond, what) {
  if (!cond) { console.error(`FAIL ${what}`); process.exit(1); }
  console.log(`ok   ${what}`);
}

await client.login();
check(true, 'login (SID cookie accepted)');
const version = await client.getAppVersion();
check(version === 'v5.1.4', `getAppVersion ${version}`);
check((await client.getApiVersion()) === '2.11.4', 'getApiVersion');
const prefs = await client.getPreferences();
check(prefs.dht === true, 'preferences dht');

const a = magnet('ctrl-show', 1);
await client.addMagnet(a.uri, { paused: 'true', category: 'ctrl' });
const listed = await client.listTorrents({ hashes: a.hash });
check(listed.length === 1 && listed[0].hash === a.hash, 'listTorrents right after addMagnet');

const b = magnet('ctrl-show', 2);
const normalized = await client.normalizedAddTorrent(b.uri, { startPaused: true, label: 'ctrl' });
check(normalized.id === b.hash, `normalizedAddTorrent id ${normalized.id}`);
check(typeof normalized.dateAdded === 'string', 'normalized dateAdded');

const all = await client.getAllData();
check(all.torrents.some(t => t.id === a.hash), 'getAllData lists the torrent');

check(await client.pauseTorrent(a.hash), 'pauseTorrent (torrents/stop)');
check(await client.resumeTorrent(a.hash), 'resumeTorrent (torrents/start)');
const cats = await client.getCategories();
check('ctrl' in cats, 'getCategories has ctrl');
await client.createTags('ctrl-tag');
check((await client.getTags()).includes('ctrl-tag'), 'createTags/getTags');
await client.addTorrentTags(a.hash, 'ctrl-tag');
check(await client.removeTorrent(a.hash, false), 'removeTorrent(deleteFiles=false)');
check(await client.removeTorrent(b.hash, true), 'removeTorrent(deleteFiles=true)');
check((await client.listTorrents({ hashes: a.hash })).length === 0, 'removed torrent is gone');
const c = magnet('ctrl-show', 3);
await client.addMagnet(c.uri, { paused: 'true', category: 'ctrl' });
const props = await client.torrentProperties(c.hash);
check(props.hash === c.hash && typeof props.save_path === 'string', 'torrentProperties');
const files = await client.torrentFiles(c.hash);
check(Array.isArray(files) && files.length === 1, 'torrentFiles');
check(Array.isArray(await client.torrentTrackers(c.hash)), 'torrentTrackers');
check(await client.topPriority(c.hash), 'topPriority');
await client.createCategory('ctrl-done');
check(await client.setTorrentCategory(c.hash, 'ctrl-done'), 'setTorrentCategory');
check((await client.getBuildInfo()).bitness === 64, 'getBuildInfo');
check(typeof (await client.getDefaultSavePath()) === 'string', 'getDefaultSavePath');
let refused = false;
try {
  await client.addTorrent(Buffer.from('d4:infod4:name1:xee'));
} catch (e) {
  refused = true;
}
check(refused, 'addTorrent(.torrent) is refused (Fails.)');
const main = await client.getSyncMainData(0);
check(main.full_update === true && c.hash in main.torrents, 'sync/maindata full update');
const delta = await client.getSyncMainData(main.rid);
check(!delta.full_update, 'sync/maindata delta');
check(await client.removeTorrent(c.hash, true), 'cleanup');
console.log('all @ctrl/qbittorrent checks passed');
