{{/* The chart's name, at most 63 characters (a DNS label). */}}
{{- define "werkplek.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The release's full name: the release, or release-chart when they differ. */}}
{{- define "werkplek.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "werkplek.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "werkplek.selectorLabels" -}}
app.kubernetes.io/name: {{ include "werkplek.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "werkplek.labels" -}}
helm.sh/chart: {{ include "werkplek.chart" . }}
{{ include "werkplek.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "werkplek.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "werkplek.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The settings that must be in the Secret: a pod without them does not start. */}}
{{- define "werkplek.requiredSecretKeys" -}}
WERKPLEK_DATABASE_URL WERKPLEK_SECRET
{{- end }}

{{/* The fewest replicas that run: the autoscaler's minimum, or replicaCount. */}}
{{- define "werkplek.minReplicas" -}}
{{- if .Values.autoscaling.enabled }}{{ .Values.autoscaling.minReplicas }}{{ else }}{{ .Values.replicaCount }}{{ end }}
{{- end }}
