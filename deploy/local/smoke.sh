#!/usr/bin/env bash
# Smoke test of a running local Kafka + OpenSearch pair (deploy/local/kafka.sh, opensearch.sh):
# topic create + produce/consume one message; an index with a lucene-hnsw knn_vector and a CJK text
# field with the Traditional->Simplified mapping char_filter; _analyze of 颱風 vs 台风; k-NN + match search.
# Uses the same environment variables as the scripts (HK_STATE_DIR, KAFKA_PORT, OPENSEARCH_PORT, ...).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
KAFKA_PORT=${KAFKA_PORT:-9092}
OPENSEARCH_PORT=${OPENSEARCH_PORT:-9200}
OS=http://127.0.0.1:$OPENSEARCH_PORT
BOOT=127.0.0.1:$KAFKA_PORT
fail() { printf 'SMOKE FAIL: %s\n' "$*" >&2; exit 1; }

echo "== kafka ($BOOT)"
topic=smoke-$$
"$HERE/kafka.sh" run-class org.apache.kafka.tools.TopicCommand --bootstrap-server "$BOOT" \
  --create --topic "$topic" --partitions 1 --replication-factor 1
msg="颱風 signal $(date +%s%N)"
printf '%s\n' "$msg" | "$HERE/kafka.sh" run-class org.apache.kafka.tools.ConsoleProducer \
  --bootstrap-server "$BOOT" --topic "$topic" 2>/dev/null
got=$("$HERE/kafka.sh" run-class org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server "$BOOT" \
  --topic "$topic" --from-beginning --max-messages 1 --timeout-ms 30000 2>/dev/null)
[[ "$got" == "$msg" ]] || fail "consumed '$got', expected '$msg'"
echo "consumed: $got"

echo "== opensearch ($OS)"
idx=smoke-$$
curl -fsS -XPUT "$OS/$idx" -H 'Content-Type: application/json' -d @- <<'JSON' >/dev/null || fail "create index"
{
  "settings": {
    "index": { "knn": true, "number_of_shards": 1, "number_of_replicas": 0 },
    "analysis": {
      "char_filter": { "t2s": { "type": "mapping", "mappings_path": "analysis/t2s.txt" } },
      "analyzer": {
        "zh": { "type": "custom", "char_filter": ["t2s"], "tokenizer": "standard",
                "filter": ["cjk_width", "lowercase", "cjk_bigram"] }
      }
    }
  },
  "mappings": {
    "properties": {
      "text": { "type": "text", "analyzer": "zh" },
      "vec": { "type": "knn_vector", "dimension": 3,
               "method": { "name": "hnsw", "engine": "lucene", "space_type": "cosinesimil",
                           "parameters": { "m": 16, "ef_construction": 100 } } }
    }
  }
}
JSON
tokens() {
  curl -fsS "$OS/$idx/_analyze" -H 'Content-Type: application/json' \
    -d "{\"analyzer\":\"zh\",\"text\":\"$1\"}" | grep -o '"token":"[^"]*"' | tr '\n' ' '
}
a=$(tokens 颱風) b=$(tokens 台风)
echo "颱風 -> $a"
echo "台风 -> $b"
[[ -n "$a" && "$a" == "$b" ]] || fail "颱風 and 台风 analyse differently"
curl -fsS -XPUT "$OS/$idx/_doc/1?refresh=true" -H 'Content-Type: application/json' \
  -d '{"text":"天文台發出八號颱風信號","vec":[1,0,0]}' >/dev/null || fail "index doc 1"
curl -fsS -XPUT "$OS/$idx/_doc/2?refresh=true" -H 'Content-Type: application/json' \
  -d '{"text":"港铁服务正常","vec":[0,1,0]}' >/dev/null || fail "index doc 2"
hit=$(curl -fsS "$OS/$idx/_search" -H 'Content-Type: application/json' \
  -d '{"query":{"match":{"text":"台风信号"}}}' | grep -o '"_id":"[^"]*"' | head -n1)
[[ "$hit" == '"_id":"1"' ]] || fail "match 台风信号 returned $hit"
echo "match 台风信号 -> $hit"
hit=$(curl -fsS "$OS/$idx/_search" -H 'Content-Type: application/json' \
  -d '{"size":1,"_source":false,"query":{"knn":{"vec":{"vector":[0.1,0.9,0],"k":1}}}}' | grep -o '"_id":"[^"]*"' | head -n1)
[[ "$hit" == '"_id":"2"' ]] || fail "knn returned $hit"
echo "knn [0.1,0.9,0] -> $hit"
curl -fsS -XDELETE "$OS/$idx" >/dev/null
echo "SMOKE OK"
