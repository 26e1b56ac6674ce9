#!/usr/bin/env python3
"""Writes the fuzz harnesses' seed corpus (Fuzz/corpus/{time,normalize,extract})
from seeds/ and a few hand-made samples. Rerunnable; the output is deterministic.
The first byte of every input is the harness's selector (reference date, or file
name and markup)."""
import glob, os, re, shutil

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out = os.path.join(root, 'Fuzz', 'corpus')
shutil.rmtree(out, ignore_errors=True)
for name in ('time', 'normalize', 'extract'):
    os.makedirs(os.path.join(out, name))

def write(harness, name, data):
    with open(os.path.join(out, harness, name), 'wb') as f:
        f.write(data)

seeds = [open(p, encoding='utf-8').read() for p in sorted(glob.glob(os.path.join(root, 'seeds', '*.txt')))]

# Time expressions: the README's, and sentences around a year from the seeds.
expressions = ['2027年前', '到2025年底', '“十四五”末', '未来2年至3年内', '截至今年6月底', '2023年至2025年', '2024-2026年',
               '2025年1月至6月', '2030年后', '自2013年开始', '近三年', '明年上半年', '一季度', '2030年前后', '年内', '十二月二十三日']
for index, text in enumerate(expressions):
    write('time', f'expr-{index:02d}', bytes([index % 5]) + text.encode())
sentences = []
for text in seeds:
    sentences += re.findall(r'[^。！？\n]{0,40}\d{4}年[^。！？\n]{0,40}', text)
for index, sentence in enumerate(sentences[:40]):
    write('time', f'sentence-{index:02d}', bytes([index % 5]) + sentence.encode())

# Documents: the start of each seed as text, HTML and Markdown; other encodings; awkward inputs.
for index, text in enumerate(seeds):
    head = text[:1500]
    write('normalize', f'seed-{index}.txt', b'\x00' + head.encode())
    html = '<html><head><meta charset="utf-8"></head><body>' + ''.join(f'<p>{line}</p>' for line in head.split('\n')) + '</body></html>'
    write('normalize', f'seed-{index}.html', b'\x01' + html.encode())
    markdown = '# ' + head.replace('\n', '\n\n- ', 3) + '\n[链接](http://example.com) **加粗**'
    write('normalize', f'seed-{index}.md', b'\x02' + markdown.encode())
    for selector, suffix in ((0, 'txt'), (5, 'txt-published'), (1, 'html'), (2, 'md')):
        body = html if suffix == 'html' else markdown if suffix == 'md' else head
        write('extract', f'seed-{index}.{suffix}', bytes([selector]) + body.encode())
sample = '工业和信息化部印发《工业领域碳达峰实施方案》，提出到2025年，规模以上工业单位增加值能耗较2020年下降13.5%。\n'
for name, data in (('utf16le', b'\xff\xfe' + sample.encode('utf-16-le')), ('utf16be', b'\xfe\xff' + sample.encode('utf-16-be')),
                   ('gb18030', sample.encode('gb18030')), ('big5', sample.replace('业', '業').encode('big5', errors='ignore')),
                   ('bom', b'\xef\xbb\xbf' + sample.encode()), ('control', sample.replace('方案', '方\x1b[2J案').encode()),
                   ('doubled', ('新华社北京1月1日电\n新华社北京1月1日电\n' + sample).encode()),
                   ('links', ('[a](' * 200 + '\n').encode()), ('tags', ('<p>国务院<a &amp; &#x4e00; <!-- ' * 20).encode())):
    write('normalize', name, b'\x00' + data)
    write('extract', name, b'\x00' + data)
print('wrote', sum(len(files) for _, _, files in os.walk(out)), 'files to', out)
