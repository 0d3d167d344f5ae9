// Parse an RSS or Atom feed with rss-parser and print it as JSON. Usage: node feed.mjs URL_OR_FILE
import { readFileSync } from "node:fs";
import Parser from "rss-parser";

const source = process.argv[2];
const parser = new Parser({ timeout: 10000 });
const feed = /^https?:\/\//.test(source)
  ? await parser.parseURL(source)
  : await parser.parseString(readFileSync(source, "utf8"));
console.log(JSON.stringify(feed));
