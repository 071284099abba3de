// The gateway driven by the official `openai` npm package, as public-sector apps call it.
// Run by OpenAiSdkIT (e2e-tests) against the mesh it started: HKGAI_BASE_URL, HKGAI_API_KEY, HKGAI_ONNX_MODEL,
// and HKGAI_LIMITED_API_KEY (a fresh key of a tenant allowed 2 requests per minute).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI from 'openai';

const baseURL = process.env.HKGAI_BASE_URL;
const apiKey = process.env.HKGAI_API_KEY;
const onnxModel = process.env.HKGAI_ONNX_MODEL;
assert.ok(baseURL && apiKey && onnxModel, 'HKGAI_BASE_URL, HKGAI_API_KEY and HKGAI_ONNX_MODEL must be set');

const client = new OpenAI({ baseURL, apiKey, maxRetries: 0, timeout: 60_000 });
const ask = (content, extra = {}) => ({ model: 'hkgai', messages: [{ role: 'user', content }], ...extra });

test('models.list names the default alias, the ONNX model and the embedding model', async () => {
  const ids = [];
  for await (const model of client.models.list()) ids.push(model.id);
  assert.ok(ids.includes('hkgai'), ids.join());
  assert.ok(ids.includes(onnxModel), ids.join());
  assert.ok(ids.includes('bge-small-zh-v1.5'), ids.join());
});

test('a Cantonese question gets a grounded, cited answer', async () => {
  const completion = await client.chat.completions.create(ask('天文台有冇掛八號風球？'));
  assert.equal(completion.object, 'chat.completion');
  assert.equal(completion.choices[0].message.role, 'assistant');
  assert.match(completion.choices[0].message.content, /八號.*\[1]/s);
  assert.equal(completion.choices[0].finish_reason, 'stop');
  assert.ok(completion.usage.total_tokens > 0);
  assert.equal(completion.hkgai.language, 'yue');
  assert.ok(completion.hkgai.citations.some((c) => c.doc_id === 'demo-hko-signal8'));
});

test('a streamed answer arrives in chunks that add up to the whole answer, usage last', async () => {
  const whole = await client.chat.completions.create(ask('天文台有冇掛八號風球？'));
  const stream = await client.chat.completions.create(
    ask('天文台有冇掛八號風球？', { stream: true, stream_options: { include_usage: true } }));
  let text = '';
  let finish = null;
  let usage = null;
  let chunks = 0;
  for await (const chunk of stream) {
    chunks++;
    assert.equal(chunk.object, 'chat.completion.chunk');
    if (chunk.choices.length > 0) {
      text += chunk.choices[0].delta.content ?? '';
      finish = chunk.choices[0].finish_reason ?? finish;
    }
    if (chunk.usage) usage = chunk.usage;
  }
  assert.ok(chunks >= 3, `chunks: ${chunks}`);
  assert.equal(text, whole.choices[0].message.content);
  assert.equal(finish, 'stop');
  assert.equal(usage.total_tokens, whole.usage.total_tokens);
});

test('the ONNX model streams its tokens through the SDK: a seeded sample equals its non-streamed twin', async () => {
  const params = {
    model: onnxModel, messages: [{ role: 'user', content: 'Tell me about the Star Ferry.' }],
    max_tokens: 48, temperature: 0.8, top_p: 0.95, seed: 11,
  };
  const whole = await client.chat.completions.create(params);
  const stream = await client.chat.completions.create({ ...params, stream: true, stream_options: { include_usage: true } });
  let text = '';
  let usage = null;
  for await (const chunk of stream) {
    assert.equal(chunk.model, onnxModel);
    text += chunk.choices[0]?.delta?.content ?? '';
    if (chunk.usage) usage = chunk.usage;
  }
  // A random-weight model may sample byte tokens that form no character; those decode to U+FFFD in both.
  assert.ok(text.length > 0);
  assert.equal(text, whole.choices[0].message.content);
  assert.equal(usage.completion_tokens, whole.usage.completion_tokens);
  assert.ok(usage.completion_tokens >= 1 && usage.completion_tokens <= 48, JSON.stringify(usage));
});

const cosine = (a, b) => a.reduce((s, x, i) => s + x * b[i], 0);

test('embeddings: base64 (the SDK default) and float agree, and the two scripts of a word are neighbours', async () => {
  const input = ['八號烈風或暴風信號', '八号烈风或暴风信号', '流感疫苗接種計劃'];
  const b64 = await client.embeddings.create({ model: 'bge-small-zh-v1.5', input });
  const floats = await client.embeddings.create({ model: 'bge-small-zh-v1.5', input, encoding_format: 'float' });
  assert.equal(b64.data.length, 3);
  assert.equal(b64.model, 'bge-small-zh-v1.5');
  assert.ok(b64.usage.prompt_tokens > 0);
  for (let i = 0; i < 3; i++) {
    assert.equal(b64.data[i].index, i);
    assert.equal(b64.data[i].embedding.length, 512);
    assert.ok(Math.abs(cosine(b64.data[i].embedding, floats.data[i].embedding) - 1) < 1e-5);
  }
  const [trad, simp, other] = b64.data.map((d) => d.embedding);
  assert.ok(cosine(trad, simp) > cosine(trad, other) + 0.1, `${cosine(trad, simp)} vs ${cosine(trad, other)}`);
});

test('moderations flag a request for weapons and pass a civic question', async () => {
  const r = await client.moderations.create({ input: ['教我點樣整炸彈', '今日港鐵有冇延誤？'] });
  assert.equal(r.results[0].flagged, true);
  assert.equal(r.results[1].flagged, false);
});

test('a wrong key raises the SDK\'s AuthenticationError', async () => {
  const wrong = new OpenAI({ baseURL, apiKey: 'hk-not-a-key', maxRetries: 0 });
  await assert.rejects(wrong.chat.completions.create(ask('你好')), (e) => {
    assert.ok(e instanceof OpenAI.AuthenticationError, e.constructor.name);
    assert.equal(e.status, 401);
    assert.equal(e.code, 'invalid_api_key');
    return true;
  });
});

test('a bad parameter raises BadRequestError naming it', async () => {
  await assert.rejects(client.chat.completions.create(ask('你好', { temperature: 5 })), (e) => {
    assert.ok(e instanceof OpenAI.BadRequestError, e.constructor.name);
    assert.equal(e.param, 'temperature');
    return true;
  });
});

test('beyond its tenant\'s limit a key gets the SDK\'s RateLimitError with a Retry-After', async () => {
  const limited = new OpenAI({ baseURL, apiKey: process.env.HKGAI_LIMITED_API_KEY, maxRetries: 0 });
  // The key file is re-read within 2 s of a change: wait for the new key to be known.
  for (let i = 0; ; i++) {
    try {
      await limited.models.list();
      break;
    } catch (e) {
      if (!(e instanceof OpenAI.AuthenticationError) || i > 20) throw e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  await limited.models.list();
  await assert.rejects(limited.chat.completions.create(ask('你好')), (e) => {
    assert.ok(e instanceof OpenAI.RateLimitError, e.constructor.name);
    assert.equal(e.status, 429);
    assert.equal(e.code, 'rate_limit_exceeded');
    assert.ok(Number(e.headers.get('retry-after')) >= 1, String(e.headers.get('retry-after')));
    return true;
  });
});
