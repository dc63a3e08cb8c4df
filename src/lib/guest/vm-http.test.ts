import { describe, expect, it } from 'vitest';
import { parseResponseHead, parseVmUrl, wgetError } from './vm-http';

describe('parseVmUrl', () => {
  it.each([
    ['http://localhost:8080/', { host: 'localhost', port: 8080, path: '/' }],
    ['localhost:8080', { host: 'localhost', port: 8080, path: '/' }],
    ['127.0.0.1/index.html', { host: '127.0.0.1', port: 80, path: '/index.html' }],
    ['http://172.17.0.2/a?b=1&c=2', { host: '172.17.0.2', port: 80, path: '/a?b=1&c=2' }],
  ])('%s', (url, expected) => expect(parseVmUrl(url)).toEqual(expected));

  it.each(['https://localhost/', 'http://example.com/', "localhost/'; rm -rf /", 'localhost:99999', 'localhost/a b'])('refuses %s', (url) => {
    expect(parseVmUrl(url)).toBeNull();
  });
});

describe("wget -S's response head", () => {
  it('the status and the headers, of the last response after a redirect', () => {
    const stderr = '  HTTP/1.1 302 Found\n  Location: /x\n  HTTP/1.1 200 OK\n  Content-Type: text/html\n  Content-Length: 342\n';
    expect(parseResponseHead(stderr)).toEqual({ status: 200, statusText: 'OK', headers: [['Content-Type', 'text/html'], ['Content-Length', '342']] });
  });

  it('no head when nothing answered; the reason from wget', () => {
    const stderr = "wget: can't connect to remote host (127.0.0.1): Connection refused\n";
    expect(parseResponseHead(stderr)).toBeNull();
    expect(wgetError(stderr)).toBe("can't connect to remote host (127.0.0.1): Connection refused");
  });
});
