// Token-counting throughput of npm tiktoken (WASM build of OpenAI's tiktoken) and gpt-tokenizer, o200k_base,
// ordinary text (special-token strings are plain text), single thread. Prints one JSON line per implementation and
// corpus file: {impl, file, bytes, tokens, seconds: [one per round]}.
// Usage: node throughput.mjs DIR [ROUNDS] [WARM_UP_SECONDS]   (warm-up per implementation and file, default 3 s)
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { get_encoding } from "tiktoken";
import { encode as gptEncode } from "gpt-tokenizer/encoding/o200k_base";

const dir = process.argv[2];
const rounds = Number(process.argv[3] ?? 5);
const warmUpNanos = BigInt(Math.round(Number(process.argv[4] ?? 3) * 1e9));
const tiktoken = get_encoding("o200k_base");
const plain = { allowedSpecial: new Set(), disallowedSpecial: new Set() };

const impls = {
  tiktoken: (text) => tiktoken.encode_ordinary(text).length,
  "gpt-tokenizer": (text) => gptEncode(text, plain).length,
};

function load(file) {
  const raw = readFileSync(join(dir, file), "utf8");
  // a .jsonl file is the request-log shape: many short texts, each counted on its own
  return file.endsWith(".jsonl") ? raw.split("\n").filter((l) => l).map((l) => JSON.parse(l)) : [raw];
}

for (const file of readdirSync(dir).filter((f) => /\.(txt|jsonl)$/.test(f)).sort()) {
  const texts = load(file);
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t, "utf8"), 0);
  for (const [impl, count] of Object.entries(impls)) {
    let tokens = 0;
    for (const t of texts) tokens += count(t); // the count, then warm-up by time as TokenThroughput.java does
    const warmUntil = process.hrtime.bigint() + warmUpNanos;
    while (process.hrtime.bigint() < warmUntil) for (const t of texts) count(t);
    const seconds = [];
    for (let r = 0; r < rounds; r++) {
      const start = process.hrtime.bigint();
      let n = 0;
      for (const t of texts) n += count(t);
      seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
      if (n !== tokens) throw new Error(`${impl} counted ${n} then ${tokens} on ${file}`);
    }
    console.log(JSON.stringify({ impl, file, bytes, tokens, seconds }));
  }
}
tiktoken.free();
