{{/* ==========================================================================================================
     What differs between the five services: their environment, volumes and ConfigMaps. Each helper is called
     with (dict "root" $ "name" "<component>" "svc" <its values>); the generic templates include them by name.
     ========================================================================================================== */}}

{{/* ---------------------------------------------------------------- gateway */}}
{{- define "hkgai.env.gateway" -}}
{{- $root := .root -}}
{{- $v := $root.Values -}}
{{- $lb := $v.gateway.grpc.loadBalancingPolicy -}}
{{- range $callee, $port := (include "hkgai.gatewayCallees" $root | fromJson) }}
{{- if not (index $v $callee).enabled }}
{{- fail (printf "gateway needs %s (%s.enabled=false)" $callee $callee) }}
{{- end }}
{{- $host := include "hkgai.componentName" (dict "root" $root "name" $callee) }}
{{- if eq $port "grpc" }}
- name: QUARKUS_GRPC_CLIENTS_{{ upper $callee }}_HOST
  value: {{ ternary (printf "%s-headless" $host) $host (eq $lb "round_robin") | quote }}
- name: QUARKUS_GRPC_CLIENTS_{{ upper $callee }}_PORT
  value: {{ (index $v $callee).ports.grpc | quote }}
- name: QUARKUS_GRPC_CLIENTS_{{ upper $callee }}_LOAD_BALANCING_POLICY
  value: {{ $lb | quote }}
- name: HKGAI_GATEWAY_OPS_{{ upper $callee }}_URL
  value: {{ printf "http://%s:%v" $host (index $v $callee).ports.http | quote }}
{{- else }}
- name: QUARKUS_REST_CLIENT_{{ upper $callee }}_URL
  value: {{ printf "http://%s:%v" $host (index $v $callee).ports.http | quote }}
{{- end }}
{{- end }}
- name: HKGAI_GATEWAY_AUTH_KEYS_FILE
  value: /etc/hkgai/gateway/keys/api-keys.json
{{- if $v.gateway.redis.enabled }}
{{- $refs := include "hkgai.secretRefs" $root | fromJson }}
{{- if not $refs.gatewayRedisUrl }}
{{- fail "gateway.redis.enabled needs gateway.redis.existingSecret (or gateway.redis.url)" }}
{{- end }}
{{- include "hkgai.secretEnv" (dict "root" $root "id" "gatewayRedisUrl" "env" "HKGAI_GATEWAY_LIMITS_REDIS_URL") }}
{{- end }}
{{- end -}}

{{- define "hkgai.volumes.gateway" -}}
{{- $refs := include "hkgai.secretRefs" .root | fromJson -}}
{{- with $refs.gatewayApiKeys }}
- name: api-keys
  secret:
    secretName: {{ .name }}
    defaultMode: 0440
    items:
      - key: {{ .key }}
        path: api-keys.json
{{- end }}
{{- end -}}

{{- define "hkgai.volumeMounts.gateway" -}}
{{- $refs := include "hkgai.secretRefs" .root | fromJson -}}
{{- if $refs.gatewayApiKeys }}
{{- /* A directory mount (not subPath): the kubelet swaps the Secret's files in place and the gateway re-reads them. */}}
- name: api-keys
  mountPath: /etc/hkgai/gateway/keys
  readOnly: true
{{- end }}
{{- end -}}

{{/* ---------------------------------------------------------------- safety */}}
{{- define "hkgai.env.safety" -}}
{{- $p := .svc.policy -}}
{{- if or $p.content $p.existingConfigMap }}
- name: HKGAI_SAFETY_POLICY_FILE
  value: /etc/hkgai/safety/policy.yaml
{{- end }}
{{- end -}}

{{- define "hkgai.volumes.safety" -}}
{{- $p := .svc.policy -}}
{{- if or $p.content $p.existingConfigMap }}
- name: policy
  configMap:
    name: {{ default (printf "%s-policy" (include "hkgai.componentName" .)) $p.existingConfigMap }}
    items:
      - key: {{ ternary $p.key "hk-policy.yaml" (not (empty $p.existingConfigMap)) }}
        path: policy.yaml
{{- end }}
{{- end -}}

{{- define "hkgai.volumeMounts.safety" -}}
{{- $p := .svc.policy -}}
{{- if or $p.content $p.existingConfigMap }}
- name: policy
  mountPath: /etc/hkgai/safety
  readOnly: true
{{- end }}
{{- end -}}

{{- define "hkgai.configMaps.safety" -}}
{{- $p := .svc.policy -}}
{{- if and $p.content (not $p.existingConfigMap) }}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "hkgai.componentName" . }}-policy
  labels:
    {{- include "hkgai.labels" . | nindent 4 }}
data:
  hk-policy.yaml: |-
    {{- $p.content | nindent 4 }}
{{- end }}
{{- end -}}

{{/* ---------------------------------------------------------------- retrieval */}}
{{- define "hkgai.lexiconFiles" -}}
{{- dict "colloquialTable" "yue-to-written.tsv" "glossary" "hk-bilingual-glossary.tsv" | toJson -}}
{{- end -}}

{{- define "hkgai.env.retrieval" -}}
{{- $root := .root -}}
{{- $os := $root.Values.opensearch }}
- name: HKGAI_OPENSEARCH_URL
  value: {{ required "opensearch.url is required" $os.url | quote }}
{{- include "hkgai.secretEnv" (dict "root" $root "id" "opensearchUsername" "env" "HKGAI_OPENSEARCH_USERNAME") }}
{{- include "hkgai.secretEnv" (dict "root" $root "id" "opensearchPassword" "env" "HKGAI_OPENSEARCH_PASSWORD") }}
{{- if $os.tls.caSecret }}
- name: HKGAI_OPENSEARCH_CA_FILE
  value: /etc/hkgai/opensearch-ca/{{ $os.tls.caKey }}
{{- end }}
{{- $lex := .svc.lexicons }}
{{- range $value, $file := (include "hkgai.lexiconFiles" $root | fromJson) }}
{{- if or $lex.existingConfigMap (index $lex $value) }}
- name: {{ ternary "HKGAI_RETRIEVAL_COLLOQUIAL_TABLE" "HKGAI_RETRIEVAL_GLOSSARY" (eq $value "colloquialTable") }}
  value: /etc/hkgai/retrieval/lexicons/{{ $file }}
{{- end }}
{{- end }}
{{- end -}}

{{- define "hkgai.volumes.retrieval" -}}
{{- $lex := .svc.lexicons -}}
{{- if or $lex.existingConfigMap $lex.colloquialTable $lex.glossary }}
- name: lexicons
  configMap:
    name: {{ default (printf "%s-lexicons" (include "hkgai.componentName" .)) $lex.existingConfigMap }}
{{- end }}
{{- with .root.Values.opensearch.tls.caSecret }}
- name: opensearch-ca
  secret:
    secretName: {{ . }}
{{- end }}
{{- end -}}

{{- define "hkgai.volumeMounts.retrieval" -}}
{{- $lex := .svc.lexicons -}}
{{- if or $lex.existingConfigMap $lex.colloquialTable $lex.glossary }}
- name: lexicons
  mountPath: /etc/hkgai/retrieval/lexicons
  readOnly: true
{{- end }}
{{- if .root.Values.opensearch.tls.caSecret }}
- name: opensearch-ca
  mountPath: /etc/hkgai/opensearch-ca
  readOnly: true
{{- end }}
{{- end -}}

{{- define "hkgai.configMaps.retrieval" -}}
{{- $lex := .svc.lexicons -}}
{{- if and (or $lex.colloquialTable $lex.glossary) (not $lex.existingConfigMap) }}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "hkgai.componentName" . }}-lexicons
  labels:
    {{- include "hkgai.labels" . | nindent 4 }}
data:
  {{- range $value, $file := (include "hkgai.lexiconFiles" .root | fromJson) }}
  {{- with index $lex $value }}
  {{ $file }}: |-
    {{- . | nindent 4 }}
  {{- end }}
  {{- end }}
{{- end }}
{{- end -}}

{{/* ---------------------------------------------------------------- inference */}}
{{/* Checks the backend's settings; returns the default model id. */}}
{{- define "hkgai.inference.defaultModel" -}}
{{- $i := .svc -}}
{{- if not (has $i.backend (list "extractive" "onnx" "openai")) -}}
{{- fail (printf "inference.backend must be extractive, onnx or openai (got %q)" $i.backend) -}}
{{- end -}}
{{- if and (eq $i.backend "onnx") (eq $i.model.source "none") -}}
{{- fail "inference.backend=onnx needs a model: set inference.model.source (pvc, imageVolume or initContainer)" -}}
{{- end -}}
{{- if and (eq $i.backend "openai") (or (not $i.upstream.baseUrl) (not $i.upstream.models)) -}}
{{- fail "inference.backend=openai needs inference.upstream.baseUrl and inference.upstream.models" -}}
{{- end -}}
{{- if $i.defaultModel -}}
{{- $i.defaultModel -}}
{{- else if eq $i.backend "onnx" -}}
{{- $i.onnx.modelId -}}
{{- else if eq $i.backend "openai" -}}
{{- keys $i.upstream.models | sortAlpha | first -}}
{{- else -}}
hkgai-extractive-v1
{{- end -}}
{{- end -}}

{{- define "hkgai.env.inference" -}}
{{- $i := .svc }}
- name: HKGAI_INFERENCE_DEFAULT_MODEL
  value: {{ include "hkgai.inference.defaultModel" . | quote }}
{{- if eq $i.backend "onnx" }}
- name: HKGAI_INFERENCE_ONNX_MODEL_DIR
  value: {{ trimSuffix "/" (printf "%s/%s" $i.model.mountPath $i.model.dir) | quote }}
- name: HKGAI_INFERENCE_ONNX_MODEL_ID
  value: {{ $i.onnx.modelId | quote }}
- name: HKGAI_INFERENCE_ONNX_DEVICE
  value: {{ default (ternary "cuda:0" "cpu" $i.gpu.enabled) $i.onnx.device | quote }}
{{- else if eq $i.backend "openai" }}
- name: HKGAI_INFERENCE_UPSTREAM_BASE_URL
  value: {{ $i.upstream.baseUrl | quote }}
{{- include "hkgai.secretEnv" (dict "root" .root "id" "upstreamApiKey" "env" "HKGAI_INFERENCE_UPSTREAM_API_KEY") }}
{{- end }}
{{- end -}}

{{/* Properties the chart adds to the worker's file: the upstream's model map (map keys do not fit env names). */}}
{{- define "hkgai.properties.inference" -}}
{{- if eq .svc.backend "openai" }}
{{- range $id, $upstreamName := .svc.upstream.models }}
hkgai.inference.upstream.models.{{ $id }}={{ $upstreamName }}
{{- end }}
{{- end }}
{{- end -}}

{{/* The model image reference. */}}
{{- define "hkgai.inference.modelImage" -}}
{{- include "hkgai.imageRef" (dict "root" .root "image" .svc.model.image "what" "inference.model.image") -}}
{{- end -}}

{{- define "hkgai.volumes.inference" -}}
{{- $m := .svc.model -}}
{{- if eq .svc.backend "onnx" }}
{{- if eq $m.source "pvc" }}
- name: model
  persistentVolumeClaim:
    claimName: {{ required "inference.model.pvc.existingClaim is required with model.source=pvc" $m.pvc.existingClaim }}
    readOnly: true
{{- else if eq $m.source "imageVolume" }}
- name: model
  image:
    reference: {{ include "hkgai.inference.modelImage" . }}
    pullPolicy: {{ $m.image.pullPolicy }}
{{- else if eq $m.source "initContainer" }}
- name: model
  emptyDir:
    sizeLimit: {{ $m.sizeLimit }}
{{- else }}
{{- fail (printf "inference.model.source must be pvc, imageVolume, initContainer or none (got %q)" $m.source) }}
{{- end }}
{{- end }}
{{- end -}}

{{- define "hkgai.volumeMounts.inference" -}}
{{- $m := .svc.model -}}
{{- if eq .svc.backend "onnx" }}
- name: model
  mountPath: {{ $m.mountPath }}
  readOnly: true
  {{- if and (eq $m.source "pvc") $m.pvc.subPath }}
  subPath: {{ $m.pvc.subPath }}
  {{- end }}
{{- end }}
{{- end -}}

{{- define "hkgai.initContainers.inference" -}}
{{- $m := .svc.model -}}
{{- if and (eq .svc.backend "onnx") (eq $m.source "initContainer") }}
- name: model-copy
  image: {{ include "hkgai.inference.modelImage" . }}
  imagePullPolicy: {{ $m.image.pullPolicy }}
  command: ["sh", "-c", "cp -R {{ trimSuffix "/" $m.image.copyFrom }}/. {{ $m.mountPath }}/ && ls -l {{ $m.mountPath }}"]
  resources:
    {{- toYaml $m.initResources | nindent 4 }}
  securityContext:
    {{- toYaml .root.Values.containerSecurityContext | nindent 4 }}
  volumeMounts:
    - name: model
      mountPath: {{ $m.mountPath }}
{{- end }}
{{- end -}}

{{/* ---------------------------------------------------------------- ingest */}}
{{- define "hkgai.env.ingest" -}}
{{- $f := .svc.feeds }}
{{- if or $f.content $f.existingConfigMap }}
- name: HKGAI_INGEST_FEEDS_FILE
  value: /etc/hkgai/ingest/feeds.yaml
{{- else if $f.file }}
- name: HKGAI_INGEST_FEEDS_FILE
  value: {{ $f.file | quote }}
{{- end }}
{{- /* ${self} in a feed list means this pod's own HTTP server (fixture feeds); never the 0.0.0.0 it binds. */}}
- name: HKGAI_INGEST_SELF_BASE_URL
  value: {{ printf "http://127.0.0.1:%v" .svc.ports.http | quote }}
- name: HKGAI_INGEST_POLLER_ENABLED
  value: {{ .svc.poller.enabled | quote }}
{{- end -}}

{{- define "hkgai.volumes.ingest" -}}
{{- $f := .svc.feeds -}}
{{- if or $f.content $f.existingConfigMap }}
- name: feeds
  configMap:
    name: {{ default (printf "%s-feeds" (include "hkgai.componentName" .)) $f.existingConfigMap }}
    items:
      - key: {{ ternary $f.key "feeds.yaml" (not (empty $f.existingConfigMap)) }}
        path: feeds.yaml
{{- end }}
{{- end -}}

{{- define "hkgai.volumeMounts.ingest" -}}
{{- $f := .svc.feeds -}}
{{- if or $f.content $f.existingConfigMap }}
- name: feeds
  mountPath: /etc/hkgai/ingest
  readOnly: true
{{- end }}
{{- end -}}

{{- define "hkgai.configMaps.ingest" -}}
{{- $f := .svc.feeds -}}
{{- if and $f.content (not $f.existingConfigMap) }}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "hkgai.componentName" . }}-feeds
  labels:
    {{- include "hkgai.labels" . | nindent 4 }}
data:
  feeds.yaml: |-
    {{- $f.content | nindent 4 }}
{{- end }}
{{- end -}}

{{/* ==========================================================================================================
     Shared by all: the properties ConfigMap and the component's other ConfigMaps (also hashed into the pod
     template, so a change rolls the pods).
     ========================================================================================================== */}}
{{- define "hkgai.configMaps" -}}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "hkgai.componentName" . }}-config
  labels:
    {{- include "hkgai.labels" . | nindent 4 }}
data:
  application.properties: |-
    # Quarkus properties of {{ .name }}-service from the Helm chart (values: {{ .name }}.config). Read after the
    # jar's own application.properties; environment variables win over both. Never a secret here.
    {{- range $k, $val := .svc.config }}
    {{ $k }}={{ include "hkgai.propertyValue" $val }}
    {{- end }}
    {{- $extra := include (printf "hkgai.properties.%s" .name) . | default "" | trim }}
    {{- with $extra }}
    {{- . | nindent 4 }}
    {{- end }}
{{- $more := printf "hkgai.configMaps.%s" .name }}
{{- if has .name (list "safety" "retrieval" "ingest") }}
{{- include $more . }}
{{- end }}
{{- end -}}

{{/* Components without extra properties. */}}
{{- define "hkgai.properties.gateway" -}}{{- end -}}
{{- define "hkgai.properties.safety" -}}{{- end -}}
{{- define "hkgai.properties.retrieval" -}}{{- end -}}
{{- define "hkgai.properties.ingest" -}}{{- end -}}
{{- define "hkgai.initContainers.gateway" -}}{{- end -}}
{{- define "hkgai.initContainers.safety" -}}{{- end -}}
{{- define "hkgai.initContainers.retrieval" -}}{{- end -}}
{{- define "hkgai.initContainers.ingest" -}}{{- end -}}
