// Sloppy-mode JavaScript: legacy octal literals are valid here.
var fs = require('fs');
fs.chmodSync('key.txt', 0644);
var key = process.env.SUPABASE_PUBLISHABLE_KEY;
