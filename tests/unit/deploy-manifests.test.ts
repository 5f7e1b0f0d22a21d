/**
 * deploy/kubernetes, checked offline: every document against its kind's
 * schema (kubernetes-models carries the Kubernetes OpenAPI schemas as
 * compiled validators: wrong types, missing required fields and bad enums
 * fail; an unknown field does not, so the pod's parts are also checked
 * against their TypeScript types' field names), then
 * what the schemas cannot know: probes on our endpoints and port, no secret
 * in a ConfigMap, only real configuration variables, the HPA on the Slack
 * Deployment, and the StatefulSet's pods running every shard exactly once,
 * worked out by the app's own settings code.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Deployment, type IDeployment } from "kubernetes-models/apps/v1/Deployment";
import { type IStatefulSet, StatefulSet } from "kubernetes-models/apps/v1/StatefulSet";
import { HorizontalPodAutoscaler, type IHorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import { type IPodDisruptionBudget, PodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import { ConfigMap, type IConfigMap } from "kubernetes-models/v1/ConfigMap";
import type { IContainer } from "kubernetes-models/v1/Container";
import { Namespace } from "kubernetes-models/v1/Namespace";
import type { IPodSecurityContext } from "kubernetes-models/v1/PodSecurityContext";
import type { IPodSpec } from "kubernetes-models/v1/PodSpec";
import type { IProbe } from "kubernetes-models/v1/Probe";
import { type ISecret, Secret } from "kubernetes-models/v1/Secret";
import type { ISecurityContext } from "kubernetes-models/v1/SecurityContext";
import { type IService, Service } from "kubernetes-models/v1/Service";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { discordSettings } from "../../src/adapters/discord/settings";
import { configSchema, parseConfig } from "../../src/config";

const DIR = join(import.meta.dirname, "../../deploy/kubernetes");
const NAMESPACE = "sebaya";

interface Doc {
  file: string;
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  [field: string]: unknown;
}

/** Each kind we ship, with its schema-checked model. */
const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  "v1/Namespace": Namespace,
  "v1/ConfigMap": ConfigMap,
  "v1/Secret": Secret,
  "v1/Service": Service,
  "apps/v1/Deployment": Deployment,
  "apps/v1/StatefulSet": StatefulSet,
  "autoscaling/v2/HorizontalPodAutoscaler": HorizontalPodAutoscaler,
  "policy/v1/PodDisruptionBudget": PodDisruptionBudget,
};
/** An operator's resource in an example file: no schema for it here, so only its identity is checked. */
const EXAMPLE_CUSTOM_RESOURCES = new Set(["postgresql.cnpg.io/v1/Cluster"]);
/** Variables whose values are secrets: they come from the Secret, never a ConfigMap or a literal env value. */
const SECRET_VARIABLES = new Set([
  "DATABASE_URL",
  "SLACK_BOT_TOKEN",
  "SLACK_SIGNING_SECRET",
  "SLACK_APP_TOKEN",
  "SLACK_CLIENT_SECRET",
  "SEBAYA_ENCRYPTION_KEY",
  "DISCORD_TOKEN",
]);
const CONFIG_VARIABLES = new Set(Object.keys(configSchema.shape));

/** Every field of a type, checked by the compiler both ways: a missing or an unknown name does not compile. */
const fieldsOf = <T>(all: { [K in keyof Required<T>]: true }) => new Set(Object.keys(all));
/** The pod's parts, where a misspelt field (readinesProbe) would pass the schema and be silently dropped. */
const POD_SPEC = fieldsOf<IPodSpec>({
  activeDeadlineSeconds: true,
  affinity: true,
  automountServiceAccountToken: true,
  containers: true,
  dnsConfig: true,
  dnsPolicy: true,
  enableServiceLinks: true,
  ephemeralContainers: true,
  hostAliases: true,
  hostIPC: true,
  hostNetwork: true,
  hostPID: true,
  hostUsers: true,
  hostname: true,
  imagePullSecrets: true,
  initContainers: true,
  nodeName: true,
  nodeSelector: true,
  os: true,
  overhead: true,
  preemptionPolicy: true,
  priority: true,
  priorityClassName: true,
  readinessGates: true,
  resourceClaims: true,
  resources: true,
  restartPolicy: true,
  runtimeClassName: true,
  schedulerName: true,
  schedulingGates: true,
  securityContext: true,
  serviceAccount: true,
  serviceAccountName: true,
  setHostnameAsFQDN: true,
  shareProcessNamespace: true,
  subdomain: true,
  terminationGracePeriodSeconds: true,
  tolerations: true,
  topologySpreadConstraints: true,
  volumes: true,
});
const CONTAINER = fieldsOf<IContainer>({
  args: true,
  command: true,
  env: true,
  envFrom: true,
  image: true,
  imagePullPolicy: true,
  lifecycle: true,
  livenessProbe: true,
  name: true,
  ports: true,
  readinessProbe: true,
  resizePolicy: true,
  resources: true,
  restartPolicy: true,
  securityContext: true,
  startupProbe: true,
  stdin: true,
  stdinOnce: true,
  terminationMessagePath: true,
  terminationMessagePolicy: true,
  tty: true,
  volumeDevices: true,
  volumeMounts: true,
  workingDir: true,
});
const PROBE = fieldsOf<IProbe>({
  exec: true,
  failureThreshold: true,
  grpc: true,
  httpGet: true,
  initialDelaySeconds: true,
  periodSeconds: true,
  successThreshold: true,
  tcpSocket: true,
  terminationGracePeriodSeconds: true,
  timeoutSeconds: true,
});
const SECURITY_CONTEXT = fieldsOf<ISecurityContext>({
  allowPrivilegeEscalation: true,
  appArmorProfile: true,
  capabilities: true,
  privileged: true,
  procMount: true,
  readOnlyRootFilesystem: true,
  runAsGroup: true,
  runAsNonRoot: true,
  runAsUser: true,
  seLinuxOptions: true,
  seccompProfile: true,
  windowsOptions: true,
});
const POD_SECURITY_CONTEXT = fieldsOf<IPodSecurityContext>({
  appArmorProfile: true,
  fsGroup: true,
  fsGroupChangePolicy: true,
  runAsGroup: true,
  runAsNonRoot: true,
  runAsUser: true,
  seLinuxChangePolicy: true,
  seLinuxOptions: true,
  seccompProfile: true,
  supplementalGroups: true,
  supplementalGroupsPolicy: true,
  sysctls: true,
  windowsOptions: true,
});
const unknownFields = (value: object | undefined, known: Set<string>) => Object.keys(value ?? {}).filter((k) => !known.has(k));

const yamlFiles = readdirSync(DIR)
  .filter((f) => f.endsWith(".yaml") || f.endsWith(".yml"))
  .sort();

function documentsOf(file: string): Doc[] {
  return parseAllDocuments(readFileSync(join(DIR, file), "utf8")).map((d) => {
    if (d.errors.length > 0) throw new Error(`${file}: ${d.errors[0]?.message}`);
    return { ...(d.toJSON() as Omit<Doc, "file">), file } as Doc;
  });
}

const kustomization = documentsOf("kustomization.yaml")[0] as Doc & {
  resources: string[];
  namespace: string;
  images?: Array<{ name: string }>;
};
const docs = yamlFiles.filter((f) => f !== "kustomization.yaml").flatMap(documentsOf);
const applied = docs.filter((d) => kustomization.resources.includes(d.file));
const typeOf = (d: Doc) => `${d.apiVersion}/${d.kind}`;
const ofKind = <T>(kind: string, among = applied) => among.filter((d) => d.kind === kind) as unknown as Array<T & Doc>;

const configMaps = ofKind<IConfigMap>("ConfigMap");
const secretTemplate = ofKind<ISecret>("Secret", docs);
const deployments = ofKind<IDeployment>("Deployment");
const statefulSets = ofKind<IStatefulSet>("StatefulSet");
const workloads = [...deployments, ...statefulSets];
const config = configMaps.find((c) => c.metadata.name === "sebaya-config")?.data ?? {};

const containersOf = (w: IDeployment | IStatefulSet): IContainer[] => w.spec?.template.spec?.containers ?? [];
const podLabels = (w: IDeployment | IStatefulSet) => w.spec?.template.metadata?.labels ?? {};
const selects = (selector: Record<string, string> | undefined, labels: Record<string, string>) =>
  selector !== undefined && Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => labels[k] === v);

/** A probe's or Service's port as a number, through the container's named ports. */
function portNumber(container: IContainer, port: number | string | undefined): number | undefined {
  if (typeof port === "number") return container.ports?.some((p) => p.containerPort === port) ? port : undefined;
  return container.ports?.find((p) => p.name === port)?.containerPort;
}

/** Valid-looking secrets, for working out what each pod's configuration means (the template's are placeholders). */
const SAMPLE_SECRETS = {
  DATABASE_URL: "postgres://sebaya:x@db:5432/sebaya",
  SLACK_BOT_TOKEN: "xoxb-sample",
  SLACK_SIGNING_SECRET: "sample-signing-secret",
  DISCORD_TOKEN: "d".repeat(40),
  DISCORD_APPLICATION_ID: "123456789012345678",
};

/** The environment a workload's pod number `ordinal` starts with: the ConfigMap, sample secrets, its own env. */
function podEnvironment(w: (IDeployment | IStatefulSet) & Doc, ordinal: number): Record<string, string> {
  const env: Record<string, string> = { ...config, ...SAMPLE_SECRETS };
  for (const e of containersOf(w)[0]?.env ?? []) {
    if (e.value !== undefined) env[e.name] = e.value;
    else if (e.valueFrom?.fieldRef?.fieldPath === "metadata.name") env[e.name] = `${w.metadata.name}-${ordinal}`;
  }
  return env;
}

describe("deploy/kubernetes", () => {
  it("has manifests, and the kustomization lists every one but the examples", () => {
    expect(docs.length).toBeGreaterThan(5);
    const manifests = yamlFiles.filter((f) => f !== "kustomization.yaml" && !f.endsWith(".example.yaml"));
    expect([...kustomization.resources].sort()).toEqual(manifests);
    expect(kustomization.namespace).toBe(NAMESPACE);
  });

  it.each(docs.map((d) => [`${d.file}: ${d.kind} ${d.metadata?.name}`, d] as const))(
    "%s is valid against its kind's schema",
    (_, doc) => {
      const Model = MODELS[typeOf(doc)];
      if (!Model) {
        expect(EXAMPLE_CUSTOM_RESOURCES.has(typeOf(doc)), `no schema for ${typeOf(doc)}`).toBe(true);
        expect(doc.file).toMatch(/\.example\.yaml$/);
        return;
      }
      const { file: _file, ...resource } = doc;
      expect(() => new Model(resource as never).validate()).not.toThrow();
    },
  );

  it("puts every namespaced resource in the namespace it creates", () => {
    expect(ofKind<Doc>("Namespace").map((n) => n.metadata.name)).toEqual([NAMESPACE]);
    for (const d of docs.filter((d) => d.kind !== "Namespace")) expect(d.metadata.namespace, d.file).toBe(NAMESPACE);
  });

  it("keeps secrets out of ConfigMaps and literal env values, and the Secret out of the kustomization", () => {
    expect(configMaps.length).toBeGreaterThan(0);
    for (const c of configMaps)
      for (const [key, value] of Object.entries(c.data ?? {})) {
        expect(SECRET_VARIABLES.has(key), `${key} in ConfigMap ${c.metadata.name}`).toBe(false);
        expect(value).not.toMatch(/xox[abp]-|xapp-|postgres(ql)?:\/\/|BEGIN [A-Z ]*PRIVATE KEY/);
      }
    for (const w of workloads)
      for (const e of containersOf(w).flatMap((c) => c.env ?? []))
        if (e.value !== undefined) expect(SECRET_VARIABLES.has(e.name), `${e.name} in ${w.metadata.name}`).toBe(false);
    expect(ofKind<Doc>("Secret")).toEqual([]);
    expect(secretTemplate.map((s) => s.file)).toEqual(["secret.example.yaml"]);
  });

  it("sets only variables the app reads, with values it accepts", () => {
    const named = [
      ...configMaps.flatMap((c) => Object.keys(c.data ?? {})),
      ...secretTemplate.flatMap((s) => Object.keys({ ...s.data, ...s.stringData })),
      ...workloads.flatMap((w) => containersOf(w).flatMap((c) => (c.env ?? []).map((e) => e.name))),
    ];
    expect(named.filter((n) => !CONFIG_VARIABLES.has(n))).toEqual([]);
    expect(() => parseConfig(config)).not.toThrow();
    for (const w of workloads) expect(() => parseConfig(podEnvironment(w, 0)), w.metadata.name).not.toThrow();
  });

  it("takes each workload's environment from the ConfigMap and the Secret that exist", () => {
    const secretName = secretTemplate[0]?.metadata.name;
    for (const c of workloads.flatMap(containersOf)) {
      const from = c.envFrom ?? [];
      expect(from.map((f) => f.configMapRef?.name).filter(Boolean)).toEqual(["sebaya-config"]);
      expect(from.map((f) => f.secretRef?.name).filter(Boolean)).toEqual([secretName]);
    }
  });

  it("gives every container an image, resources and a locked-down security context", () => {
    const images = new Set((kustomization.images ?? []).map((i) => i.name));
    expect(workloads.length).toBe(2);
    for (const w of workloads) {
      const pod = w.spec?.template.spec;
      for (const c of containersOf(w)) {
        expect(c.image, c.name).toBeTruthy();
        expect(images.has(c.image ?? ""), `${c.image} is set by the kustomization's images`).toBe(true);
        expect(c.resources?.requests?.cpu).toBeTruthy();
        expect(c.resources?.requests?.memory).toBeTruthy();
        expect(c.resources?.limits?.memory).toBeTruthy();
        expect(c.securityContext?.runAsNonRoot ?? pod?.securityContext?.runAsNonRoot).toBe(true);
        expect(c.securityContext?.allowPrivilegeEscalation).toBe(false);
        expect(c.securityContext?.readOnlyRootFilesystem).toBe(true);
        expect(c.securityContext?.capabilities?.drop).toContain("ALL");
      }
    }
  });

  it("uses no field the pod's parts lack (the schema lets an unknown one through)", () => {
    for (const w of workloads) {
      const pod = w.spec?.template.spec;
      expect(unknownFields(pod, POD_SPEC), w.metadata.name).toEqual([]);
      expect(unknownFields(pod?.securityContext, POD_SECURITY_CONTEXT), w.metadata.name).toEqual([]);
      for (const c of containersOf(w)) {
        expect(unknownFields(c, CONTAINER), c.name).toEqual([]);
        expect(unknownFields(c.securityContext, SECURITY_CONTEXT), c.name).toEqual([]);
        for (const probe of [c.readinessProbe, c.livenessProbe, c.startupProbe]) expect(unknownFields(probe, PROBE)).toEqual([]);
      }
    }
  });

  it("probes /healthz and /readyz on the container's port, which is PORT", () => {
    const port = Number(config.PORT ?? 3000);
    const check = (c: IContainer, probe: IProbe | undefined, path: string) => {
      expect(probe?.httpGet?.path, `${c.name}: ${path}`).toBe(path);
      expect(portNumber(c, probe?.httpGet?.port)).toBe(port);
    };
    for (const c of workloads.flatMap(containersOf)) {
      check(c, c.readinessProbe, "/readyz");
      check(c, c.livenessProbe, "/healthz");
      if (c.startupProbe) check(c, c.startupProbe, "/healthz");
    }
  });

  it("scales the Slack Deployment on CPU, which its pods request", () => {
    const hpas = ofKind<IHorizontalPodAutoscaler>("HorizontalPodAutoscaler");
    expect(hpas.length).toBe(1);
    for (const h of hpas) {
      const target = deployments.find((d) => d.metadata.name === h.spec?.scaleTargetRef.name);
      expect(h.spec?.scaleTargetRef).toMatchObject({ apiVersion: "apps/v1", kind: "Deployment" });
      expect(target?.metadata.name).toBe("sebaya-slack");
      expect(h.spec?.metrics?.map((m) => m.resource?.name)).toContain("cpu");
      expect(h.spec?.minReplicas ?? 1).toBeGreaterThanOrEqual(2);
      for (const c of containersOf(target as IDeployment)) expect(c.resources?.requests?.cpu).toBeTruthy();
    }
  });

  it("points every Service and PodDisruptionBudget at a workload's pods", () => {
    const services = ofKind<IService>("Service");
    const budgets = ofKind<IPodDisruptionBudget>("PodDisruptionBudget");
    for (const w of workloads) {
      expect(services.filter((s) => selects(s.spec?.selector, podLabels(w))).length, w.metadata.name).toBe(1);
      expect(budgets.filter((b) => selects(b.spec?.selector?.matchLabels, podLabels(w))).length, w.metadata.name).toBe(1);
      expect(selects(w.spec?.selector.matchLabels, podLabels(w))).toBe(true);
    }
    for (const s of services) {
      const w = workloads.find((w) => selects(s.spec?.selector, podLabels(w)));
      const container = w && containersOf(w)[0];
      for (const p of s.spec?.ports ?? [])
        expect(container && portNumber(container, p.targetPort ?? p.port), `${s.metadata.name}`).toBeDefined();
    }
    for (const b of budgets) expect(workloads.some((w) => selects(b.spec?.selector?.matchLabels, podLabels(w)))).toBe(true);
  });

  it("runs every Discord shard in exactly one StatefulSet pod, and none in the Slack pods", () => {
    expect(statefulSets.length).toBe(1);
    const set = statefulSets[0] as IStatefulSet & Doc;
    const headless = ofKind<IService>("Service").find((s) => s.metadata.name === set.spec?.serviceName);
    expect(headless?.spec?.clusterIP).toBe("None");
    const replicas = set.spec?.replicas ?? 1;
    const shards = Number(config.SHARDS);
    const ran = Array.from({ length: replicas }, (_, k) => {
      const own = discordSettings(parseConfig(podEnvironment(set, k)))?.ownShards;
      expect(own?.of).toBe(shards);
      return own?.list ?? [];
    }).flat();
    expect(ran.sort((a, b) => a - b)).toEqual(Array.from({ length: shards }, (_, i) => i));
    for (const d of deployments)
      expect(discordSettings(parseConfig(podEnvironment(d, 0)))?.ownShards, d.metadata.name).toEqual({ list: [], of: shards });
  });
});
