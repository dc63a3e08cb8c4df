import { describe, expect, it } from 'vitest';
import { loadProject } from './normalize';
import type { ServiceConfig } from './model';

/** The one service `s` of a file whose service body is `body` (indented 4, starting on line 3). */
function service(body: string, env: Record<string, string> = {}): ServiceConfig {
  const text = 'services:\n  s:\n' + body.split('\n').map((l) => (l ? '    ' + l : l)).join('\n') + '\nvolumes:\n  data:\n';
  return loadProject(text, { workingDir: '/proj', env }).services[0];
}
const errorOf = (body: string) => {
  try {
    service(body);
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('ports', () => {
  it.each<[string, object[]]>([
    ['"80"', [{ target: 80, protocol: 'tcp' }]],
    ['80', [{ target: 80, protocol: 'tcp' }]],
    ['"8080:80"', [{ target: 80, published: '8080', protocol: 'tcp' }]],
    ['"127.0.0.1:8080:80/tcp"', [{ target: 80, published: '8080', hostIp: '127.0.0.1', protocol: 'tcp' }]],
    ['"127.0.0.1::80"', [{ target: 80, hostIp: '127.0.0.1', protocol: 'tcp' }]],
    ['"53:53/udp"', [{ target: 53, published: '53', protocol: 'udp' }]],
    ['"[::1]:6001:6001"', [{ target: 6001, published: '6001', hostIp: '::1', protocol: 'tcp' }]],
    ['"3000-3001"', [{ target: 3000, protocol: 'tcp' }, { target: 3001, protocol: 'tcp' }]],
    ['"9090-9091:8080-8081"', [{ target: 8080, published: '9090', protocol: 'tcp' }, { target: 8081, published: '9091', protocol: 'tcp' }]],
    ['"8000-8010:80"', [{ target: 80, published: '8000-8010', protocol: 'tcp' }]],
    ['{target: 80, published: "8080", host_ip: 0.0.0.0, protocol: udp, mode: host}', [{ target: 80, published: '8080', hostIp: '0.0.0.0', protocol: 'udp' }]],
    ['{target: 80}', [{ target: 80, protocol: 'tcp' }]],
  ])('%s', (spec, expected) => expect(service(`image: x\nports:\n  - ${spec}`).ports).toEqual(expected));

  it.each<[string, string]>([
    ['"80/sctp"', 'compose.yaml:5: services.s.ports[0]: invalid port "80/sctp": invalid proto: sctp'],
    ['"http"', 'compose.yaml:5: services.s.ports[0]: invalid port "http": invalid containerPort: http'],
    ['"80:abc"', 'compose.yaml:5: services.s.ports[0]: invalid port "80:abc": invalid containerPort: abc'],
    ['"70000"', 'compose.yaml:5: services.s.ports[0]: invalid port "70000": invalid containerPort: 70000'],
    ['"x:80"', 'compose.yaml:5: services.s.ports[0]: invalid port "x:80": invalid hostPort: x'],
    ['"localhost:1:80"', 'compose.yaml:5: services.s.ports[0]: invalid port "localhost:1:80": invalid IP address: localhost'],
    ['"1:2:3:4"', 'compose.yaml:5: services.s.ports[0]: invalid port "1:2:3:4": too many colons'],
    ['"9090-9092:8080-8081"', 'compose.yaml:5: services.s.ports[0]: invalid port "9090-9092:8080-8081": invalid ranges specified for container and host Ports: 8080-8081 and 9090-9092'],
    ['{published: 80}', 'compose.yaml:5: services.s.ports[0] target is required'],
    ['{target: 80, bogus: 1}', 'compose.yaml:5: services.s.ports[0] Additional property bogus is not allowed'],
  ])('%s is an error', (spec, message) => expect(errorOf(`image: x\nports:\n  - ${spec}`)).toBe(message));
});

describe('volumes', () => {
  it.each<[string, object]>([
    ['data:/data', { type: 'volume', source: 'data', target: '/data', readOnly: false, nocopy: false }],
    ['data:/data:ro', { type: 'volume', source: 'data', target: '/data', readOnly: true, nocopy: false }],
    ['data:/data:nocopy', { type: 'volume', source: 'data', target: '/data', readOnly: false, nocopy: true }],
    ['/cache', { type: 'volume', target: '/cache', readOnly: false, nocopy: false }],
    ['./site:/www', { type: 'bind', source: '/proj/site', target: '/www', readOnly: false, createHostPath: true }],
    ['../up:/up:rw', { type: 'bind', source: '/up', target: '/up', readOnly: false, createHostPath: true }],
    ['/etc/hosts:/h:ro', { type: 'bind', source: '/etc/hosts', target: '/h', readOnly: true, createHostPath: true }],
    ['{type: volume, source: data, target: /d, read_only: true, volume: {nocopy: true}}', { type: 'volume', source: 'data', target: '/d', readOnly: true, nocopy: true }],
    ['{type: bind, source: ./x, target: /x, bind: {create_host_path: false}}', { type: 'bind', source: '/proj/x', target: '/x', readOnly: false, createHostPath: false }],
    ['{type: tmpfs, target: /tmp, tmpfs: {size: 1m, mode: 1777}}', { type: 'tmpfs', target: '/tmp', size: 1048576, mode: 1777 }],
  ])('%s', (spec, expected) => expect(service(`image: x\nvolumes:\n  - ${spec}`).volumes).toEqual([expected]));

  it.each<[string, string]>([
    ['data:rel', "compose.yaml:5: invalid volume specification: 'data:rel': mount path must be absolute"],
    ['a:/b:/c:ro', "compose.yaml:5: invalid volume specification: 'a:/b:/c:ro': too many colons"],
    ['data:/d:rx', "compose.yaml:5: invalid volume specification: 'data:/d:rx': invalid mode: rx"],
    ['~/x:/x', "compose.yaml:5: invalid volume specification: '~/x:/x': paths starting with ~ are not supported (there is no home directory to expand)"],
    ['{type: npipe, target: /x}', 'compose.yaml:5: services.s.volumes.[].type must be one of: volume, bind, tmpfs (npipe is not supported)'],
    ['{type: bind, target: /x}', 'compose.yaml:5: services.s.volumes.[]: a bind mount needs a source'],
    ['{type: volume, source: data}', 'compose.yaml:5: services.s.volumes.[] target is required'],
    ['{type: volume, source: data, target: /x, bind: {}}', 'compose.yaml:5: services.s.volumes.[].bind: options for "bind" do not apply to a mount of type volume'],
  ])('%s is an error', (spec, message) => expect(errorOf(`image: x\nvolumes:\n  - ${spec}`)).toBe(message));
});

describe('service keys', () => {
  it('command and entrypoint: a string is split like a shell, a list is kept', () => {
    const s = service(`image: x\ncommand: echo "a b" 'c d' e\\ f\nentrypoint: ["/bin/sh", "-c"]`);
    expect(s.command).toEqual(['echo', 'a b', 'c d', 'e f']);
    expect(s.entrypoint).toEqual(['/bin/sh', '-c']);
  });

  it('environment as a list; KEY alone comes from the variables or is left out', () => {
    expect(service('image: x\nenvironment:\n  - A=1\n  - B=x=y\n  - C\n  - D', { C: 'from-env' }).environment).toEqual({ A: '1', B: 'x=y', C: 'from-env' });
  });

  it('build as a string, and defaults', () => {
    const s = service('build: .');
    expect(s.build).toEqual({ context: '/proj', dockerfile: 'Dockerfile', args: {} });
    expect(s).toMatchObject({ image: undefined, restart: 'no', tty: false, capAdd: [], labels: {}, ports: [], dependsOn: {} });
  });

  it('build as a mapping', () => {
    expect(service('build:\n  context: app\n  dockerfile: Dockerfile.dev\n  target: dev\n  args: [A=1]').build).toEqual({
      context: '/proj/app', dockerfile: 'Dockerfile.dev', target: 'dev', args: { A: '1' },
    });
  });

  it('the simple keys', () => {
    const s = service([
      'image: x', 'container_name: my-box', 'hostname: box', 'working_dir: /app', 'user: "1000:1000"', 'restart: on-failure:3',
      'tty: true', 'stdin_open: true', 'privileged: true', 'read_only: true', 'cap_add: [NET_ADMIN]', 'cap_drop: [ALL]',
      'stop_signal: SIGINT', 'stop_grace_period: 5s', 'mem_limit: 1g', 'cpus: "1.5"', 'scale: 1', 'deploy:\n  replicas: 1',
      'expose: ["3000"]', 'x-note: anything',
    ].join('\n'));
    expect(s).toMatchObject({
      containerName: 'my-box', hostname: 'box', workingDir: '/app', user: '1000:1000', restart: 'on-failure:3', tty: true,
      stdinOpen: true, privileged: true, readOnly: true, capAdd: ['NET_ADMIN'], capDrop: ['ALL'], stopSignal: 'SIGINT',
      stopGracePeriod: 5, memLimit: 1024 ** 3, cpus: 1.5,
    });
  });

  it('depends_on as a list and as a mapping', () => {
    const text = 'services:\n  a:\n    image: x\n  b:\n    image: x\n    depends_on: [a]\n  c:\n    image: x\n    depends_on:\n      a: {condition: service_completed_successfully, restart: true}\n';
    const [, b, c] = loadProject(text, { workingDir: '/p' }).services;
    expect(b.dependsOn).toEqual({ a: { condition: 'service_started', restart: false, required: true } });
    expect(c.dependsOn).toEqual({ a: { condition: 'service_completed_successfully', restart: true, required: true } });
  });

  it('healthcheck: disable and NONE', () => {
    expect(service('image: x\nhealthcheck:\n  disable: true').healthcheck).toEqual({ test: ['NONE'] });
    expect(service('image: x\nhealthcheck:\n  test: [NONE]').healthcheck).toMatchObject({ test: ['NONE'] });
  });

  it.each<[string, string, string]>([
    ['an unknown key', 'image: x\nfoo: 1', 'compose.yaml:4: services.s Additional property foo is not allowed'],
    ['extends', 'image: x\nextends: base', 'compose.yaml:4: services.s.extends is not supported by Dockhand (copy the settings, or share them with a YAML anchor (&name, <<: *name))'],
    ['another spec key', 'image: x\nulimits: {}', 'compose.yaml:4: services.s.ulimits is not supported by Dockhand'],
    ['neither image nor build', 'restart: always', 'compose.yaml:2: service "s" has neither an image nor a build context specified: invalid compose project'],
    ['replicas above 1', 'image: x\ndeploy:\n  replicas: 3', 'compose.yaml:5: services.s.deploy.replicas: Dockhand runs one container per service (scale 1 only)'],
    ['scale above 1', 'image: x\nscale: 2', 'compose.yaml:4: services.s.scale: Dockhand runs one container per service (scale 1 only)'],
    ['deploy.resources', 'image: x\ndeploy:\n  resources: {}', 'compose.yaml:5: services.s.deploy.resources is not supported by Dockhand (only deploy.replicas: 1)'],
    ['a bad restart policy', 'image: x\nrestart: sometimes', 'compose.yaml:4: services.s.restart: invalid restart policy "sometimes" (no, always, on-failure[:max-retries], unless-stopped)'],
    ['a bad condition', 'image: x\ndepends_on:\n  a:\n    condition: ready', 'compose.yaml:6: services.s.depends_on.a.condition must be one of the following: service_started, service_healthy, service_completed_successfully'],
    ['a bad duration', 'image: x\nstop_grace_period: 10', 'compose.yaml:4: services.s.stop_grace_period: time: missing unit in duration "10"'],
    ['a bad size', 'image: x\nmem_limit: lots', "compose.yaml:4: services.s.mem_limit: invalid size: 'lots'"],
    ['cpus of 0', 'image: x\ncpus: 0', 'compose.yaml:4: services.s.cpus must be greater than 0'],
    ['a non-integer pids_limit', 'image: x\npids_limit: many', 'compose.yaml:4: services.s.pids_limit must be an integer'],
    ['a non-boolean tty', 'image: x\ntty: maybe', 'compose.yaml:4: services.s.tty must be a boolean'],
    ['ports not a list', 'image: x\nports: "80"', 'compose.yaml:4: services.s.ports must be a list'],
    ['image not a string', 'image: [a]', 'compose.yaml:3: services.s.image must be a string'],
    ['environment with a nested value', 'image: x\nenvironment:\n  A: [1]', 'compose.yaml:5: services.s.environment.A must be a string, number, boolean or null'],
    ['environment listed twice', 'image: x\nenvironment:\n  - A=1\n  - A=2', 'compose.yaml:6: services.s.environment contains duplicate key A'],
    ['an unclosed quote in command', "image: x\ncommand: echo 'oops", 'compose.yaml:4: invalid command line string: unterminated quote in "echo \'oops"'],
    ['a healthcheck without test', 'image: x\nhealthcheck:\n  interval: 1s', 'compose.yaml:5: services.s.healthcheck.test is required'],
    ['a bad healthcheck test', 'image: x\nhealthcheck:\n  test: [curl, x]', 'compose.yaml:5: services.s.healthcheck.test must start with "CMD", "CMD-SHELL" or "NONE" (got "curl")'],
    ['an unknown build key', 'build:\n  context: .\n  ssh: default', 'compose.yaml:5: services.s.build Additional property ssh is not allowed'],
    ['an unknown network key', 'image: x\nnetworks:\n  default:\n    ipv4_address: 1.2.3.4', 'compose.yaml:6: services.s.networks.default Additional property ipv4_address is not allowed'],
    ['a service that is not a mapping', 'image', 'compose.yaml:3: services.s must be a mapping'],
  ])('%s', (_name, body, message) => expect(errorOf(body)).toBe(message));
});

describe('env_file', () => {
  const files: Record<string, string> = { '/proj/.env.web': 'MODE=green\n# a comment\nPORT=80\n', '/proj/conf/extra.env': 'PORT=8080\nEXTRA=1\n' };
  const load = (body: string) => {
    const text = 'services:\n  s:\n' + body.split('\n').map((l) => (l ? '    ' + l : l)).join('\n') + '\n';
    return loadProject(text, { workingDir: '/proj', readFile: (path) => files[path] ?? null });
  };

  it('reads the files relative to the project; later files win, environment: wins over all', () => {
    expect(load('image: x\nenv_file: .env.web').services[0].environment).toEqual({ MODE: 'green', PORT: '80' });
    expect(load('image: x\nenv_file: [.env.web, conf/extra.env]\nenvironment:\n  MODE: blue').services[0].environment)
      .toEqual({ MODE: 'blue', PORT: '8080', EXTRA: '1' });
  });

  it('a missing file is an error with its line, unless required: false', () => {
    expect(() => load('image: x\nenv_file: nope.env')).toThrow('compose.yaml:4: services.s.env_file: env file /proj/nope.env not found: no such file or directory');
    expect(load('image: x\nenv_file:\n  - path: nope.env\n    required: false').services[0].environment).toEqual({});
  });
});
