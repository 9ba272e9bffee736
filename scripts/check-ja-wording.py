#!/usr/bin/python3
"""Fails on Japanese translations that break the mechanical rules of docs/TRANSLATION.md.

Prints each offending string with the rule it breaks. The rules that need a reader (one term
per idea, natural business Japanese) are in the glossary; these are the ones a machine can see.
"""
import re
import sys
import xml.etree.ElementTree as ET

RULES = [
    (re.compile(r'あなた'), 'no あなた: leave the subject out, or say ご自身 / 本人'),
    (re.compile(r'[)）]\s*\(&.\)|\(&.\)\s*[(（]'), 'another parenthesis next to the access key'),
    (re.compile(r'\[[^\]\x00-\x7f][^\]]*\]'), 'UI names are quoted with 「」, not []'),
    (re.compile(r'(?<=[^\x00-\x7f]) 「|」 (?=[^\x00-\x7f])'), 'no spaces around 「」 next to Japanese text'),
    (re.compile(r'明日まで'), 'a pause until 0:00 ends today: 今日の終わりまで'),
    (re.compile(r'メッセージ(?! ID)(?! %1)'), 'a mail is メール, not メッセージ'),
    (re.compile(r'ログイン(?!時)'), 'ログイン is for the computer only (ログイン時に起動); sign-in is サインイン, the mail program\'s is 認証'),
    (re.compile(r'取り込'), 'importing is インポート'),
]


def main(path):
    tree = ET.parse(path)
    problems = 0
    for ctx in tree.getroot().iter('context'):
        name = ctx.find('name').text
        for message in ctx.iter('message'):
            source = message.find('source').text or ''
            translation = message.find('translation')
            texts = [translation.text or ''] if len(translation) == 0 else [n.text or '' for n in translation]
            for text in texts:
                for pattern, rule in RULES:
                    if pattern.search(text):
                        print(f'{path}: {name}: "{source[:60]}" -> "{text[:80]}": {rule}', file=sys.stderr)
                        problems += 1
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else 'translations/yubisashi_ja.ts'))
