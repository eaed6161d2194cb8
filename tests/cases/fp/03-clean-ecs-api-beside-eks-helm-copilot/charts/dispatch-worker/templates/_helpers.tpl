{{- define "dispatch-worker.fullname" -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- define "dispatch-worker.selectorLabels" -}}
app.kubernetes.io/name: dispatch-worker
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}
{{- define "dispatch-worker.labels" -}}
{{ include "dispatch-worker.selectorLabels" . }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end }}
