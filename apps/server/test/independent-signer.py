#!/usr/bin/env python3
"""Signs a gateway request from contracts.md §3 alone, with Python's own hashlib and hmac (OpenSSL's SM3).

Input on stdin, JSON: {"method", "url", "key", "secret", "timestamp", "nonce", "algorithm", "body"}.
Output on stdout, JSON: the headers to send, and the string that was signed.
Written without looking at the server's code, so that a shared misreading of the contract shows up.
"""
import base64
import hashlib
import hmac
import json
import sys
from urllib.parse import quote, unquote

UNRESERVED = '-_.~'


def encode(text):
    return quote(text.encode('utf-8'), safe=UNRESERVED)


def canonical_query(raw):
    if not raw:
        return ''
    pairs = []
    for part in raw.split('&'):
        if not part:
            continue
        name, _, value = part.partition('=')
        pairs.append((encode(unquote(name)), encode(unquote(value))))
    pairs.sort()
    return '&'.join(f'{n}={v}' for n, v in pairs)


def main():
    request = json.load(sys.stdin)
    digest = 'sm3' if request.get('algorithm', 'HMAC-SM3') == 'HMAC-SM3' else 'sha256'
    path, _, query = request['url'].partition('?')
    body = request.get('body', '').encode('utf-8')
    lines = [
        request['method'].upper(),
        path,
        canonical_query(query),
        hashlib.new(digest, body).hexdigest(),
        request['key'],
        request['timestamp'],
        request['nonce'],
    ]
    text = '\n'.join(lines)
    mac = hmac.new(request['secret'].encode('utf-8'), text.encode('utf-8'), digest).digest()
    json.dump(
        {
            'headers': {
                'X-Sy-Key': request['key'],
                'X-Sy-Timestamp': request['timestamp'],
                'X-Sy-Nonce': request['nonce'],
                'X-Sy-Signature-Method': request.get('algorithm', 'HMAC-SM3'),
                'X-Sy-Signature': base64.b64encode(mac).decode('ascii'),
            },
            'stringToSign': text,
        },
        sys.stdout,
    )


if __name__ == '__main__':
    main()
