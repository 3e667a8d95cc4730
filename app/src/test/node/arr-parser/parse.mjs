// Reads a JSON array of {"name": ..., "tv": true|false} on stdin and prints, for each, what
// @ctrl/video-filename-parser (a port of Radarr's parser) reads from it. Used by ArrParserTest.
import { filenameParse } from '@ctrl/video-filename-parser';

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const out = JSON.parse(input).map(({ name, tv }) => {
    const r = filenameParse(name, tv);
    return {
      name,
      title: r.title,
      year: r.year ?? null,
      languages: r.languages ?? [],
      resolution: r.resolution ?? null,
      sources: r.sources ?? [],
      videoCodec: r.videoCodec ?? null,
      group: r.group ?? null,
      seasons: r.seasons ?? [],
      episodes: r.episodeNumbers ?? [],
    };
  });
  process.stdout.write(JSON.stringify(out));
});
