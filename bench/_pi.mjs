const { EmailDocument } = await import('../dist/src/model/document.js');
const { inspectDocument } = await import('../dist/src/inspect.js');
const { trackDocument } = await import('../dist/src/rewrite/track.js');
const rows = (n) => { let s = '<!DOCTYPE html><html lang="en"><head><title>Shop</title></head><body><table>'; for (let i = 0; i < n; i++) s += `<tr><td><a href="https://shop.example.com/item/${i}">Item ${i} — view details</a></td></tr>\n`; return s + '</table></body></html>'; };
const text = rows(8000);
if (process.argv[2] === 'track') trackDocument(new EmailDocument({ filePath: 'x.html', text }), { campaign: 'x' });
else inspectDocument(new EmailDocument({ filePath: 'x.html', text }));
