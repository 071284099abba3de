{{/* ==========================================================================================================
     Names and labels
     ========================================================================================================== */}}

{{/* The chart's name (nameOverride wins). */}}
{{- define "hkgai.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* "<release>-<chart>" unless the release name already contains the chart name; fullnameOverride wins. */}}
{{- define "hkgai.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* A component's resource name: "<fullname>-<component>". Call with (dict "root" $ "name" "gateway"). */}}
{{- define "hkgai.componentName" -}}
{{- printf "%s-%s" (include "hkgai.fullname" .root | trunc 52 | trimSuffix "-") .name -}}
{{- end -}}

{{- define "hkgai.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels of everything the release renders. Call with the root context. */}}
{{- define "hkgai.commonLabels" -}}
helm.sh/chart: {{ include "hkgai.chart" . }}
app.kubernetes.io/name: {{ include "hkgai.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: hkgai
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Selector labels of the release's pods (all components). Call with the root context. */}}
{{- define "hkgai.instanceSelectorLabels" -}}
app.kubernetes.io/name: {{ include "hkgai.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Selector labels of one component. Call with (dict "root" $ "name" "gateway"). */}}
{{- define "hkgai.selectorLabels" -}}
{{ include "hkgai.instanceSelectorLabels" .root }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{/* Labels of one component's resources. Call with (dict "root" $ "name" "gateway"). */}}
{{- define "hkgai.labels" -}}
{{ include "hkgai.commonLabels" .root }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{- define "hkgai.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "hkgai.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* ==========================================================================================================
     The components: what each one serves and uses. One place, so every template loops over the same facts.
     ========================================================================================================== */}}
{{- define "hkgai.components" -}}
{{- dict
  "gateway"   (dict "grpc" false "kafka" true  "opensearch" false)
  "safety"    (dict "grpc" true  "kafka" true  "opensearch" false)
  "retrieval" (dict "grpc" true  "kafka" true  "opensearch" true)
  "inference" (dict "grpc" true  "kafka" false "opensearch" false)
  "ingest"    (dict "grpc" false "kafka" true  "opensearch" false)
  | toJson -}}
{{- end -}}

{{/* The components called by the gateway, and on which port name. */}}
{{- define "hkgai.gatewayCallees" -}}
{{- dict "safety" "grpc" "retrieval" "grpc" "inference" "grpc" "ingest" "http" | toJson -}}
{{- end -}}

{{/* The ports the gateway reaches each callee on: its serving port, and for the gRPC services also the HTTP port, where
     the ops page reads /q/health/ready (without it the page falls back to the gRPC channel's state). */}}
{{- define "hkgai.gatewayCalleePorts" -}}
{{- dict "safety" (list "grpc" "http") "retrieval" (list "grpc" "http") "inference" (list "grpc" "http") "ingest" (list "http") | toJson -}}
{{- end -}}

{{/* ==========================================================================================================
     Images
     ========================================================================================================== */}}

{{/* "registry/repository:tag" or "registry/repository@digest". Call with (dict "root" $ "image" $img "what" "gateway").
     The tag defaults to .Values.image.tag, then the chart's appVersion; `latest` fails the render. */}}
{{- define "hkgai.imageRef" -}}
{{- $root := .root -}}
{{- $img := .image -}}
{{- if not $img.repository -}}
{{- fail (printf "%s: image.repository is required" .what) -}}
{{- end -}}
{{- $repo := $img.repository -}}
{{- with $root.Values.global.imageRegistry -}}
{{- $repo = printf "%s/%s" (trimSuffix "/" .) $repo -}}
{{- end -}}
{{- if $img.digest -}}
{{- if not (hasPrefix "sha256:" $img.digest) -}}
{{- fail (printf "%s: image.digest must look like sha256:<hex>, got %q" .what $img.digest) -}}
{{- end -}}
{{- printf "%s@%s" $repo $img.digest -}}
{{- else -}}
{{- $tag := toString (default (default $root.Chart.AppVersion $root.Values.image.tag) $img.tag) -}}
{{- if or (eq $tag "latest") (eq $tag "") -}}
{{- fail (printf "%s: pin the image with a version tag or a digest (got tag %q)" .what $tag) -}}
{{- end -}}
{{- printf "%s:%s" $repo $tag -}}
{{- end -}}
{{- end -}}

{{/* imagePullPolicy of a service image. Call with (dict "root" $ "image" $img). */}}
{{- define "hkgai.pullPolicy" -}}
{{- default .root.Values.image.pullPolicy .image.pullPolicy -}}
{{- end -}}

{{/* ==========================================================================================================
     Secrets: an existingSecret of the operator's, else the chart's own Secret when the value is given inline.
     ========================================================================================================== */}}

{{- define "hkgai.credentialsSecretName" -}}
{{- printf "%s-credentials" (include "hkgai.fullname" .) -}}
{{- end -}}

{{/* Every secret reference the chart knows, as a dict: id -> {name, key} (only those configured), plus the inline
     values for the chart's own Secret under "_inline". Call with the root context; returns JSON. */}}
{{- define "hkgai.secretRefs" -}}
{{- $v := .Values -}}
{{- $own := include "hkgai.credentialsSecretName" . -}}
{{- $refs := dict -}}
{{- $inline := dict -}}
{{- $items := list
  (list "gatewayApiKeys" $v.gateway.apiKeys.existingSecret $v.gateway.apiKeys.key $v.gateway.apiKeys.json "gateway-api-keys.json")
  (list "gatewayRedisUrl" (ternary $v.gateway.redis.existingSecret "" $v.gateway.redis.enabled) $v.gateway.redis.key (ternary $v.gateway.redis.url "" $v.gateway.redis.enabled) "gateway-redis-url")
  (list "upstreamApiKey" (ternary $v.inference.upstream.existingSecret "" (eq $v.inference.backend "openai")) $v.inference.upstream.key (ternary $v.inference.upstream.apiKey "" (eq $v.inference.backend "openai")) "inference-upstream-api-key")
  (list "kafkaJaas" $v.kafka.sasl.existingSecret $v.kafka.sasl.jaasConfigKey $v.kafka.sasl.jaasConfig "kafka-sasl-jaas-config")
  (list "opensearchUsername" $v.opensearch.auth.existingSecret $v.opensearch.auth.usernameKey $v.opensearch.auth.username "opensearch-username")
  (list "opensearchPassword" $v.opensearch.auth.existingSecret $v.opensearch.auth.passwordKey $v.opensearch.auth.password "opensearch-password")
-}}
{{- range $items -}}
{{- $id := index . 0 -}}{{- $existing := index . 1 -}}{{- $key := index . 2 -}}{{- $value := index . 3 -}}{{- $ownKey := index . 4 -}}
{{- if $existing -}}
{{- $_ := set $refs $id (dict "name" $existing "key" $key) -}}
{{- else if $value -}}
{{- $_ := set $refs $id (dict "name" $own "key" $ownKey) -}}
{{- $_ := set $inline $ownKey $value -}}
{{- end -}}
{{- end -}}
{{- $_ := set $refs "_inline" $inline -}}
{{- toJson $refs -}}
{{- end -}}

{{/* One env var from a secret reference id, if configured. Call with (dict "root" $ "id" "upstreamApiKey" "env" "NAME"). */}}
{{- define "hkgai.secretEnv" -}}
{{- $refs := include "hkgai.secretRefs" .root | fromJson -}}
{{- with index $refs .id }}
- name: {{ $.env }}
  valueFrom:
    secretKeyRef:
      name: {{ .name }}
      key: {{ .key }}
{{- end }}
{{- end -}}

{{/* ==========================================================================================================
     Pod pieces
     ========================================================================================================== */}}

{{/* A property value as Quarkus should read it: whole numbers without Helm's float formatting (1e+06). */}}
{{- define "hkgai.propertyValue" -}}
{{- if and (kindIs "float64" .) (eq (float64 (int64 .)) .) -}}
{{- int64 . -}}
{{- else -}}
{{- toString . -}}
{{- end -}}
{{- end -}}

{{/* The three probes on the component's HTTP port. Call with (dict "root" $ "svc" $svc). */}}
{{- define "hkgai.probes" -}}
{{- $p := mergeOverwrite (deepCopy .root.Values.probes) (deepCopy (default dict .svc.probes)) -}}
{{- range $kind := list "startup" "liveness" "readiness" }}
{{- $cfg := index $p $kind }}
{{ $kind }}Probe:
  httpGet:
    path: {{ $cfg.path }}
    port: http
  periodSeconds: {{ $cfg.periodSeconds }}
  timeoutSeconds: {{ $cfg.timeoutSeconds }}
  failureThreshold: {{ $cfg.failureThreshold }}
  {{- with $cfg.initialDelaySeconds }}
  initialDelaySeconds: {{ . }}
  {{- end }}
{{- end }}
{{- end -}}

{{/* Kafka client settings as KAFKA_* env vars. Call with the root context. */}}
{{- define "hkgai.kafkaEnv" -}}
{{- $k := .Values.kafka }}
- name: KAFKA_BOOTSTRAP_SERVERS
  value: {{ required "kafka.bootstrapServers is required" $k.bootstrapServers | quote }}
- name: KAFKA_SECURITY_PROTOCOL
  value: {{ $k.securityProtocol | quote }}
{{- if $k.sasl.mechanism }}
- name: KAFKA_SASL_MECHANISM
  value: {{ $k.sasl.mechanism | quote }}
{{- end }}
{{- include "hkgai.secretEnv" (dict "root" . "id" "kafkaJaas" "env" "KAFKA_SASL_JAAS_CONFIG") }}
{{- if $k.tls.caSecret }}
- name: KAFKA_SSL_TRUSTSTORE_TYPE
  value: PEM
- name: KAFKA_SSL_TRUSTSTORE_LOCATION
  value: /etc/hkgai/kafka-ca/{{ $k.tls.caKey }}
{{- end }}
{{- if not $k.tls.verifyHostname }}
- name: KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM
  value: ""
{{- end }}
{{- range $prop, $val := $k.extraConfig }}
- name: KAFKA_{{ $prop | upper | replace "." "_" | replace "-" "_" }}
  value: {{ include "hkgai.propertyValue" $val | quote }}
{{- end }}
{{- end -}}

{{/* The egress rule of one external endpoint ({cidrs, except, peers, ports}); nothing when it names no peer.
     Call with the endpoint's dict. */}}
{{- define "hkgai.egressRule" -}}
{{- if or .cidrs .peers }}
- to:
    {{- range .cidrs }}
    - ipBlock:
        cidr: {{ . }}
        {{- with $.except }}
        except:
          {{- toYaml . | nindent 10 }}
        {{- end }}
    {{- end }}
    {{- with .peers }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  ports:
    {{- range .ports }}
    - protocol: TCP
      port: {{ . }}
    {{- end }}
{{- end }}
{{- end -}}

{{/* OpenTelemetry recording and export, when monitoring.tracing.enabled. Call with the root context. */}}
{{- define "hkgai.tracingEnv" -}}
{{- $t := .Values.monitoring.tracing }}
{{- if $t.enabled }}
- name: QUARKUS_OTEL_TRACES_SAMPLER
  value: parentbased_traceidratio
- name: QUARKUS_OTEL_TRACES_SAMPLER_ARG
  value: {{ $t.samplerRatio | quote }}
- name: QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ required "monitoring.tracing.endpoint is required when tracing is enabled" $t.endpoint | quote }}
{{- end }}
{{- end -}}
