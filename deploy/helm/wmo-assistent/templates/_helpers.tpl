{{/* Names, labels, images and the environment the templates share. */}}

{{- define "wmo.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 50 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "wmo.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* The pods of one component: "rasa", "actions" or a job's name. */}}
{{- define "wmo.selector" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "wmo.image" -}}
{{- $image := index .root.Values.images .component -}}
{{- if $image.digest -}}
{{- printf "%s@%s" $image.repository $image.digest -}}
{{- else -}}
{{- printf "%s:%s" $image.repository (default .root.Chart.AppVersion $image.tag) -}}
{{- end -}}
{{- end -}}

{{- define "wmo.secretName" -}}
{{- default (printf "%s-secrets" (include "wmo.fullname" .)) .Values.secrets.existingSecret -}}
{{- end -}}

{{/* One variable from the Secret; optional ones leave a channel or a door closed when missing. */}}
{{- define "wmo.secretEnv" -}}
- name: {{ .name }}
  valueFrom:
    secretKeyRef:
      name: {{ include "wmo.secretName" .root }}
      key: {{ .name }}
      optional: {{ .optional | default false }}
{{- end -}}

{{/* What every pod reads: the catalogue database and the log format. */}}
{{- define "wmo.databaseEnv" -}}
{{ include "wmo.secretEnv" (dict "root" . "name" "DATABASE_URL") }}
- name: WMO_LOG_FORMAT
  value: {{ .Values.settings.logFormat | quote }}
{{- end -}}

{{/* The conversation store (endpoints.production.yml): the Rasa server and the retention job only. */}}
{{- define "wmo.trackerStoreEnv" -}}
- name: TRACKER_DB_HOST
  value: {{ .Values.trackerStore.host | quote }}
- name: TRACKER_DB_PORT
  value: {{ .Values.trackerStore.port | quote }}
- name: TRACKER_DB_NAME
  value: {{ .Values.trackerStore.database | quote }}
- name: TRACKER_DB_USER
  value: {{ .Values.trackerStore.user | quote }}
{{ include "wmo.secretEnv" (dict "root" . "name" "TRACKER_DB_PASSWORD") }}
{{- end -}}

{{/* Unprivileged, nothing written to the image, no Kubernetes API token in the pod. */}}
{{- define "wmo.podSecurity" -}}
automountServiceAccountToken: false
securityContext:
  runAsNonRoot: true
  runAsUser: 10001
  runAsGroup: 10001
  fsGroup: 10001
  seccompProfile:
    type: RuntimeDefault
{{- end -}}

{{- define "wmo.containerSecurity" -}}
securityContext:
  allowPrivilegeEscalation: false
  readOnlyRootFilesystem: true
  capabilities:
    drop: [ALL]
{{- end -}}
