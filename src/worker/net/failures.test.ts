import { describe, expect, it } from 'vitest';
import { classify } from '../errors';
import { brokeOff, damaged, fileRef, hostStatus, stalled, tooBig, unreachable, webPage } from './failures';

/*
 * One plain message per cause, so a person can tell them apart: each has its own kind, and no two
 * begin alike (the first words are what a person reads).
 */

const f = fileRef('http://mirror.test/org/m/resolve/main/config.json');

describe('failure messages', () => {
  const causes = {
    unreachable: unreachable(f, new TypeError('Failed to fetch'), 'http://school.lan/'),
    'broke off': brokeOff(f, new TypeError('network error')),
    'error status': hostStatus(f, 503),
    'wrong content': webPage(f, 'JSON file'),
    'too big': tooBig(f, 'config.json is more than 8 MB, the most this page reads for such a file; the download was stopped there.'),
    damaged: damaged(f, 'it ended after 10 of 20 bytes', false),
    'damaged inside the runtime': classify(new Error('Error: protobuf parsing failed.'), 'org/m'),
    stalled: stalled(f, 30_000),
  };

  it('each cause has its own kind and words', () => {
    expect(Object.fromEntries(Object.entries(causes).map(([cause, e]) => [cause, [e.kind, e.message]]))).toEqual({
      unreachable: ['network', 'Could not reach http://mirror.test (for config.json of “org/m”): the connection failed before the host answered. Check the connection, or the model host in Settings.'],
      'broke off': ['network', 'The download of config.json of “org/m” from http://mirror.test broke off before it finished. Check the connection and Retry.'],
      'error status': ['host-status', 'http://mirror.test had a problem of its own (503 Service Unavailable) when asked for config.json of “org/m”. Retry later, or use another model host in Settings.'],
      'wrong content': ['wrong-content', expect.stringMatching(/^http:\/\/mirror\.test answered config\.json of “org\/m” with a web page \(HTML\), not the JSON file it should be\./)],
      'too big': ['too-big', '“org/m”: config.json is more than 8 MB, the most this page reads for such a file; the download was stopped there.'],
      damaged: ['damaged', 'config.json of “org/m” is damaged: it ended after 10 of 20 bytes. It was not kept; Retry downloads it again.'],
      'damaged inside the runtime': ['damaged', 'A file of “org/m” is damaged: the model runtime could not read it. It was removed from the cache; Retry downloads it again.'],
      stalled: ['stalled', 'http://mirror.test stopped sending config.json of “org/m”: nothing arrived for 30 seconds. Retry, or check the connection and the model host in Settings.'],
    });
    const openings = Object.values(causes).map((e) => e.message.replace(/^http:\/\/mirror\.test /, '').split(' ').slice(0, 3).join(' '));
    expect(new Set(openings).size).toBe(openings.length);
  });

  it('an error status names the status, whichever it is', () => {
    for (const status of [400, 403, 404, 410, 429, 500, 502]) expect(hostStatus(f, status).message).toContain(String(status));
    expect(hostStatus(f, 418, "I'm a teapot").message).toBe('http://mirror.test answered 418 I\'m a teapot when asked for config.json of “org/m”.');
  });
});
