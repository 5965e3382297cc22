// Package deploy tests the deployment files: the Helm chart in
// deploy/helm/werkplek, rendered by the pinned Helm of tools/helm/bin
// (scripts/check-helm installs it; make test does through scripts/test-deps).
// Without that Helm the tests are skipped, unless WERKPLEK_TEST_HELM=require
// (set by make test), which makes its absence a failure.
package deploy

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

const chartDir = "deploy/helm/werkplek"

// repoRoot is the repository's root, one folder up from this package.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("no go.mod in %s: the test must run from the deploy folder", root)
	}
	return root
}

// helm is the pinned Helm of tools/helm/bin; it skips the test when it is
// missing, or fails it under WERKPLEK_TEST_HELM=require.
func helm(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(repoRoot(t), "tools", "helm", "bin", "helm")
	if _, err := os.Stat(bin); err != nil {
		if os.Getenv("WERKPLEK_TEST_HELM") == "require" {
			t.Fatalf("no pinned Helm at tools/helm/bin/helm: run scripts/check-helm (%v)", err)
		}
		t.Skip("no pinned Helm at tools/helm/bin/helm: scripts/check-helm installs it")
	}
	return bin
}

// template runs `helm template` on the chart with the given arguments
// (-f FILE, --set ...) and returns what it printed and its error.
func template(t *testing.T, args ...string) (string, error) {
	t.Helper()
	root := repoRoot(t)
	cmd := exec.Command(helm(t), append([]string{"template", "werkplek", chartDir, "--namespace", "werkplek"}, args...)...)
	cmd.Dir = root
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return stdout.String() + stderr.String(), err
	}
	return stdout.String(), nil
}

// manifest is one rendered object; Spec is decoded per kind.
type manifest struct {
	APIVersion string `yaml:"apiVersion"`
	Kind       string `yaml:"kind"`
	Metadata   struct {
		Name string `yaml:"name"`
	} `yaml:"metadata"`
	Spec yaml.Node `yaml:"spec"`
}

// render renders the chart and returns its objects by kind (one of each).
func render(t *testing.T, args ...string) (map[string]manifest, string) {
	t.Helper()
	out, err := template(t, args...)
	if err != nil {
		t.Fatalf("helm template %v: %v\n%s", args, err, out)
	}
	byKind := map[string]manifest{}
	dec := yaml.NewDecoder(strings.NewReader(out))
	for {
		var m manifest
		err := dec.Decode(&m)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("rendered manifests are not YAML: %v", err)
		}
		if m.Kind == "" {
			continue // an empty document
		}
		if _, dup := byKind[m.Kind]; dup {
			t.Fatalf("two objects of kind %s", m.Kind)
		}
		byKind[m.Kind] = m
	}
	return byKind, out
}

func decodeSpec[T any](t *testing.T, m manifest) T {
	t.Helper()
	var v T
	if err := m.Spec.Decode(&v); err != nil {
		t.Fatalf("%s spec: %v", m.Kind, err)
	}
	return v
}

type deploymentSpec struct {
	Replicas *int `yaml:"replicas"`
	Selector struct {
		MatchLabels map[string]string `yaml:"matchLabels"`
	} `yaml:"selector"`
	Template struct {
		Metadata struct {
			Labels map[string]string `yaml:"labels"`
		} `yaml:"metadata"`
		Spec podSpec `yaml:"spec"`
	} `yaml:"template"`
}

type podSpec struct {
	AutomountServiceAccountToken *bool `yaml:"automountServiceAccountToken"`
	SecurityContext              struct {
		RunAsNonRoot   *bool  `yaml:"runAsNonRoot"`
		RunAsUser      *int64 `yaml:"runAsUser"`
		SeccompProfile struct {
			Type string `yaml:"type"`
		} `yaml:"seccompProfile"`
	} `yaml:"securityContext"`
	Containers []container `yaml:"containers"`
	Volumes    []struct {
		Name     string         `yaml:"name"`
		EmptyDir map[string]any `yaml:"emptyDir"`
	} `yaml:"volumes"`
}

type container struct {
	Name  string `yaml:"name"`
	Ports []struct {
		Name          string `yaml:"name"`
		ContainerPort int    `yaml:"containerPort"`
	} `yaml:"ports"`
	Env            []envVar                    `yaml:"env"`
	EnvFrom        []map[string]map[string]any `yaml:"envFrom"`
	StartupProbe   *probe                      `yaml:"startupProbe"`
	LivenessProbe  *probe                      `yaml:"livenessProbe"`
	ReadinessProbe *probe                      `yaml:"readinessProbe"`
	// A pointer each, so that "not set" differs from false.
	SecurityContext struct {
		RunAsNonRoot             *bool  `yaml:"runAsNonRoot"`
		RunAsUser                *int64 `yaml:"runAsUser"`
		ReadOnlyRootFilesystem   *bool  `yaml:"readOnlyRootFilesystem"`
		AllowPrivilegeEscalation *bool  `yaml:"allowPrivilegeEscalation"`
		Privileged               *bool  `yaml:"privileged"`
		Capabilities             struct {
			Drop []string `yaml:"drop"`
			Add  []string `yaml:"add"`
		} `yaml:"capabilities"`
		SeccompProfile struct {
			Type string `yaml:"type"`
		} `yaml:"seccompProfile"`
	} `yaml:"securityContext"`
	Resources struct {
		Requests map[string]string `yaml:"requests"`
		Limits   map[string]string `yaml:"limits"`
	} `yaml:"resources"`
	VolumeMounts []struct {
		Name      string `yaml:"name"`
		MountPath string `yaml:"mountPath"`
	} `yaml:"volumeMounts"`
}

type envVar struct {
	Name      string  `yaml:"name"`
	Value     *string `yaml:"value"`
	ValueFrom *struct {
		SecretKeyRef *struct {
			Name     string `yaml:"name"`
			Key      string `yaml:"key"`
			Optional *bool  `yaml:"optional"`
		} `yaml:"secretKeyRef"`
	} `yaml:"valueFrom"`
}

type probe struct {
	HTTPGet *struct {
		Path string `yaml:"path"`
		Port string `yaml:"port"`
	} `yaml:"httpGet"`
	FailureThreshold int `yaml:"failureThreshold"`
	PeriodSeconds    int `yaml:"periodSeconds"`
}

// secretSettings are the settings bot/config.go marks secret (the last
// field of a settings row is true): the chart may only refer to them.
func secretSettings(t *testing.T) []string {
	t.Helper()
	f, err := os.Open(filepath.Join(repoRoot(t), "bot", "config.go"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	row := regexp.MustCompile(`^\s*\{"([A-Z][A-Z0-9_]*)",.*,\s*true\},\s*$`)
	var names []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for sc.Scan() {
		if m := row.FindStringSubmatch(sc.Text()); m != nil {
			names = append(names, m[1])
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(names, "WERKPLEK_SECRET") || !slices.Contains(names, "WERKPLEK_DATABASE_URL") || len(names) < 5 {
		t.Fatalf("bot/config.go: found only %v as secret settings; has the settings table changed shape?", names)
	}
	return names
}

func kinds(byKind map[string]manifest) []string {
	var ks []string
	for k := range byKind {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// werkplek returns the Deployment's spec and its one container.
func werkplek(t *testing.T, byKind map[string]manifest) (deploymentSpec, container) {
	t.Helper()
	d, ok := byKind["Deployment"]
	if !ok {
		t.Fatalf("no Deployment among %v", kinds(byKind))
	}
	if d.APIVersion != "apps/v1" {
		t.Errorf("Deployment apiVersion %q, want apps/v1", d.APIVersion)
	}
	spec := decodeSpec[deploymentSpec](t, d)
	if len(spec.Template.Spec.Containers) != 1 {
		t.Fatalf("Deployment has %d containers, want 1", len(spec.Template.Spec.Containers))
	}
	return spec, spec.Template.Spec.Containers[0]
}

func TestChartDefaults(t *testing.T) {
	byKind, out := render(t)

	if got, want := kinds(byKind), []string{"Deployment", "PodDisruptionBudget", "Service", "ServiceAccount"}; !slices.Equal(got, want) {
		t.Errorf("kinds %v, want %v (Ingress and autoscaler are off by default)", got, want)
	}
	if strings.Contains(out, "kind: Secret\n") {
		t.Error("the chart renders a Secret: secrets must stay outside the chart, by reference")
	}

	spec, c := werkplek(t, byKind)
	if spec.Replicas == nil {
		t.Error("replicas not set, want 3")
	} else if *spec.Replicas != 3 {
		t.Errorf("replicas %d, want 3", *spec.Replicas)
	}
	for k, v := range spec.Selector.MatchLabels {
		if spec.Template.Metadata.Labels[k] != v {
			t.Errorf("the pods lack the selector's label %s=%s", k, v)
		}
	}

	t.Run("Probes", func(t *testing.T) {
		if len(c.Ports) != 1 || c.Ports[0].Name != "http" || c.Ports[0].ContainerPort != 8080 {
			t.Fatalf("ports %+v, want http on 8080", c.Ports)
		}
		if v := env(c, "WERKPLEK_LISTEN"); v == nil || v.Value == nil || *v.Value != ":8080" {
			t.Errorf("WERKPLEK_LISTEN is not :8080, the container port")
		}
		for _, p := range []struct {
			name  string
			probe *probe
			path  string
		}{
			{"startup", c.StartupProbe, "/healthz"},
			{"liveness", c.LivenessProbe, "/healthz"},
			{"readiness", c.ReadinessProbe, "/readyz"},
		} {
			if p.probe == nil || p.probe.HTTPGet == nil {
				t.Errorf("no HTTP %s probe", p.name)
				continue
			}
			if p.probe.HTTPGet.Path != p.path || p.probe.HTTPGet.Port != "http" {
				t.Errorf("%s probe GET %s on %s, want %s on http", p.name, p.probe.HTTPGet.Path, p.probe.HTTPGet.Port, p.path)
			}
		}
		// The startup probe covers a first start that waits for another
		// replica's migrations: at least a minute before liveness takes over.
		if s := c.StartupProbe; s != nil && s.PeriodSeconds*s.FailureThreshold < 60 {
			t.Errorf("startup probe gives %d s, want at least 60", s.PeriodSeconds*s.FailureThreshold)
		}
	})

	t.Run("SecurityContext", func(t *testing.T) {
		pod := spec.Template.Spec
		sc := c.SecurityContext
		if pod.SecurityContext.RunAsNonRoot == nil || !*pod.SecurityContext.RunAsNonRoot || sc.RunAsNonRoot == nil || !*sc.RunAsNonRoot {
			t.Error("runAsNonRoot is not true for the pod and the container")
		}
		// The Dockerfile runs as distroless's nonroot user, uid 65532.
		dockerfile, err := os.ReadFile(filepath.Join(repoRoot(t), "Dockerfile"))
		if err != nil {
			t.Fatal(err)
		}
		if !regexp.MustCompile(`(?m)^FROM gcr.io/distroless/[a-z0-9-]+:nonroot$`).Match(dockerfile) || !regexp.MustCompile(`(?m)^USER nonroot:nonroot$`).Match(dockerfile) {
			t.Error("the Dockerfile no longer runs as distroless's nonroot (uid 65532): update the chart's runAsUser")
		}
		if sc.RunAsUser == nil || *sc.RunAsUser != 65532 || pod.SecurityContext.RunAsUser == nil || *pod.SecurityContext.RunAsUser != 65532 {
			t.Errorf("runAsUser %v (pod %v), want 65532", sc.RunAsUser, pod.SecurityContext.RunAsUser)
		}
		if sc.ReadOnlyRootFilesystem == nil || !*sc.ReadOnlyRootFilesystem {
			t.Error("readOnlyRootFilesystem is not true")
		}
		if sc.AllowPrivilegeEscalation == nil || *sc.AllowPrivilegeEscalation {
			t.Error("allowPrivilegeEscalation is not false")
		}
		if sc.Privileged != nil && *sc.Privileged {
			t.Error("the container is privileged")
		}
		if !slices.Equal(sc.Capabilities.Drop, []string{"ALL"}) || len(sc.Capabilities.Add) > 0 {
			t.Errorf("capabilities drop %v add %v, want drop [ALL] and nothing added", sc.Capabilities.Drop, sc.Capabilities.Add)
		}
		if sc.SeccompProfile.Type != "RuntimeDefault" || pod.SecurityContext.SeccompProfile.Type != "RuntimeDefault" {
			t.Errorf("seccomp %q (pod %q), want RuntimeDefault", sc.SeccompProfile.Type, pod.SecurityContext.SeccompProfile.Type)
		}
		if pod.AutomountServiceAccountToken == nil || *pod.AutomountServiceAccountToken {
			t.Error("the pod mounts a service account token it never uses")
		}
		// A read-only root: /tmp is a writable emptyDir.
		tmp := ""
		for _, m := range c.VolumeMounts {
			if m.MountPath == "/tmp" {
				tmp = m.Name
			}
		}
		ok := false
		for _, v := range pod.Volumes {
			ok = ok || (v.Name == tmp && v.EmptyDir != nil)
		}
		if !ok {
			t.Error("/tmp is not an emptyDir")
		}
	})

	t.Run("SecretsByReference", func(t *testing.T) {
		secrets := secretSettings(t)
		for _, v := range c.Env {
			if v.ValueFrom != nil && v.ValueFrom.SecretKeyRef != nil {
				if v.ValueFrom.SecretKeyRef.Name != "werkplek" || v.ValueFrom.SecretKeyRef.Key == "" {
					t.Errorf("%s refers to %q key %q, want a key of the existing Secret werkplek", v.Name, v.ValueFrom.SecretKeyRef.Name, v.ValueFrom.SecretKeyRef.Key)
				}
				continue
			}
			if slices.Contains(secrets, v.Name) {
				t.Errorf("%s is a secret but has a value in the chart, not a secretKeyRef", v.Name)
			}
		}
		// Every secret setting of bot/config.go can be given by reference;
		// the two every replica needs are not optional (no silent SQLite).
		for _, name := range secrets {
			v := env(c, name)
			if v == nil || v.ValueFrom == nil || v.ValueFrom.SecretKeyRef == nil {
				t.Errorf("secret setting %s has no secretKeyRef (add it to secret.keys in values.yaml)", name)
				continue
			}
			ref := v.ValueFrom.SecretKeyRef
			required := name == "WERKPLEK_DATABASE_URL" || name == "WERKPLEK_SECRET"
			if optional := ref.Optional != nil && *ref.Optional; optional == required {
				t.Errorf("%s optional=%v, want %v", name, optional, !required)
			}
		}
		for _, from := range c.EnvFrom {
			for kind := range from {
				if kind != "secretRef" && kind != "configMapRef" && kind != "prefix" {
					t.Errorf("envFrom %s: only references to Secrets and ConfigMaps", kind)
				}
			}
		}
	})

	t.Run("Resources", func(t *testing.T) {
		r := c.Resources
		if r.Requests["cpu"] != "50m" || r.Requests["memory"] != "64Mi" || r.Limits["memory"] != "256Mi" {
			t.Errorf("resources requests %v limits %v, want requests cpu 50m memory 64Mi, limit memory 256Mi", r.Requests, r.Limits)
		}
	})

	t.Run("Service", func(t *testing.T) {
		svc := decodeSpec[struct {
			Selector map[string]string `yaml:"selector"`
			Ports    []struct {
				Port       int    `yaml:"port"`
				TargetPort string `yaml:"targetPort"`
			} `yaml:"ports"`
		}](t, byKind["Service"])
		if len(svc.Ports) != 1 || svc.Ports[0].TargetPort != "http" {
			t.Errorf("Service ports %+v, want one to the container's http port", svc.Ports)
		}
		for k, v := range svc.Selector {
			if spec.Template.Metadata.Labels[k] != v {
				t.Errorf("the Service selects %s=%s, which the pods lack", k, v)
			}
		}
	})

	t.Run("PodDisruptionBudget", func(t *testing.T) {
		pdb := byKind["PodDisruptionBudget"]
		if pdb.APIVersion != "policy/v1" {
			t.Errorf("PodDisruptionBudget apiVersion %q, want policy/v1", pdb.APIVersion)
		}
		s := decodeSpec[struct {
			MinAvailable *int `yaml:"minAvailable"`
			Selector     struct {
				MatchLabels map[string]string `yaml:"matchLabels"`
			} `yaml:"selector"`
		}](t, pdb)
		if s.MinAvailable == nil {
			t.Error("the budget has no minAvailable")
		} else if *s.MinAvailable < 1 || *s.MinAvailable >= 3 {
			t.Errorf("minAvailable %d: want at least 1 and below the 3 replicas, so a drain never takes all and is never stuck", *s.MinAvailable)
		}
		for k, v := range s.Selector.MatchLabels {
			if spec.Template.Metadata.Labels[k] != v {
				t.Errorf("the budget selects %s=%s, which the pods lack", k, v)
			}
		}
	})
}

func TestChartIngressAndAutoscaler(t *testing.T) {
	byKind, _ := render(t, "-f", filepath.Join(chartDir, "ci", "ingress-hpa-values.yaml"))
	for _, k := range []string{"Deployment", "Service", "Ingress", "PodDisruptionBudget", "HorizontalPodAutoscaler"} {
		if _, ok := byKind[k]; !ok {
			t.Errorf("no %s among %v", k, kinds(byKind))
		}
	}
	spec, c := werkplek(t, byKind)
	if spec.Replicas != nil {
		t.Errorf("replicas %d set while the autoscaler owns the count", *spec.Replicas)
	}
	if v := env(c, "WERKPLEK_PUBLIC_URL"); v == nil || v.Value == nil || *v.Value != "https://werkplek.example.nl" {
		t.Error("WERKPLEK_PUBLIC_URL from env is not passed on")
	}

	hpa := byKind["HorizontalPodAutoscaler"]
	if hpa.APIVersion != "autoscaling/v2" {
		t.Errorf("HorizontalPodAutoscaler apiVersion %q, want autoscaling/v2", hpa.APIVersion)
	}
	h := decodeSpec[struct {
		ScaleTargetRef struct {
			Kind string `yaml:"kind"`
			Name string `yaml:"name"`
		} `yaml:"scaleTargetRef"`
		MinReplicas int              `yaml:"minReplicas"`
		MaxReplicas int              `yaml:"maxReplicas"`
		Metrics     []map[string]any `yaml:"metrics"`
	}](t, hpa)
	if h.ScaleTargetRef.Kind != "Deployment" || h.ScaleTargetRef.Name != byKind["Deployment"].Metadata.Name {
		t.Errorf("the autoscaler scales %s %s, not the Deployment", h.ScaleTargetRef.Kind, h.ScaleTargetRef.Name)
	}
	if h.MinReplicas != 3 || h.MaxReplicas != 8 || len(h.Metrics) != 2 {
		t.Errorf("autoscaler %d-%d on %d metrics, want 3-8 on cpu and memory", h.MinReplicas, h.MaxReplicas, len(h.Metrics))
	}

	ing := byKind["Ingress"]
	if ing.APIVersion != "networking.k8s.io/v1" {
		t.Errorf("Ingress apiVersion %q, want networking.k8s.io/v1", ing.APIVersion)
	}
	i := decodeSpec[struct {
		IngressClassName string `yaml:"ingressClassName"`
		TLS              []struct {
			SecretName string `yaml:"secretName"`
		} `yaml:"tls"`
		Rules []struct {
			Host string `yaml:"host"`
			HTTP struct {
				Paths []struct {
					Backend struct {
						Service struct {
							Name string `yaml:"name"`
							Port struct {
								Number int `yaml:"number"`
							} `yaml:"port"`
						} `yaml:"service"`
					} `yaml:"backend"`
				} `yaml:"paths"`
			} `yaml:"http"`
		} `yaml:"rules"`
	}](t, ing)
	if len(i.Rules) != 1 || i.Rules[0].Host != "werkplek.example.nl" || len(i.Rules[0].HTTP.Paths) != 1 || len(i.TLS) != 1 {
		t.Fatalf("Ingress %+v, want one host with one path and TLS", i)
	}
	if b := i.Rules[0].HTTP.Paths[0].Backend.Service; b.Name != byKind["Service"].Metadata.Name || b.Port.Number != 80 {
		t.Errorf("the Ingress sends to %s:%d, not the Service's port 80", b.Name, b.Port.Number)
	}
}

// TestChartRefuses: values that would put a secret into the chart, leave
// the pods without their database, or block every node drain are refused
// at render time.
func TestChartRefuses(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"SecretAsValue", []string{"--set", "env.WERKPLEK_SECRET=hunter2"}, "env.WERKPLEK_SECRET is a secret"},
		{"PlatformTokenAsValue", []string{"--set", "env.SLACK_BOT_TOKEN=xoxb-1"}, "env.SLACK_BOT_TOKEN is a secret"},
		{"ListenAsValue", []string{"--set", "env.WERKPLEK_LISTEN=:9000"}, "containerPort"},
		{"NoExistingSecret", []string{"--set", "secret.existingSecret="}, "existingSecret"},
		{"NoDatabaseKey", []string{"--set", "secret.keys.WERKPLEK_DATABASE_URL="}, "WERKPLEK_DATABASE_URL"},
		{"BudgetBlocksDrains", []string{"--set", "replicaCount=2", "--set", "podDisruptionBudget.minAvailable=2"}, "minAvailable"},
		{"WritableRoot", []string{"--set", "securityContext.readOnlyRootFilesystem=false"}, "readOnlyRootFilesystem"},
		{"Root", []string{"--set", "securityContext.runAsNonRoot=false"}, "runAsNonRoot"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err := template(t, tc.args...)
			if err == nil {
				t.Fatalf("helm template %v rendered; want a refusal", tc.args)
			}
			if !strings.Contains(out, tc.want) {
				t.Errorf("the refusal does not name %s:\n%s", tc.want, out)
			}
		})
	}
}

func env(c container, name string) *envVar {
	for i := range c.Env {
		if c.Env[i].Name == name {
			return &c.Env[i]
		}
	}
	return nil
}
