// docker compose on the real guest: `up -d` makes the project's bridge network, its named
// volume and one container per service (with compose's labels), starting the web service only
// once the store's healthcheck passes; ps, logs, exec; a changed service is recreated, the
// other kept; a bad file or a failing step leaves nothing behind; `down -v` removes it all.
import { describe, expect, it } from 'vitest';
import { TEST_TIMEOUT, run, useGuest } from './guest';

const guest = useGuest();

const COMPOSE = `name: shop
services:
  web:
    image: httpd-demo
    stop_grace_period: 1s
    depends_on:
      store:
        condition: service_healthy
  store:
    image: busybox
    command: sh -c 'trap "exit 0" TERM; sleep 1; echo saved > /data/hello; echo store ready; sleep 3600 & wait'
    volumes:
      - data:/data
    healthcheck:
      test: ["CMD", "test", "-f", "/data/hello"]
      interval: 1s
      retries: 10
volumes:
  data:
`;

const write = (dir: string, name: string, text: string) => run(guest(), `mkdir -p ${dir} && cat > ${dir}/${name} <<'EOF'\n${text}EOF`);
const inShop = (cmd: string) => `cd /tmp/shop && ${cmd}`;
const label = (name: string, key: string) => run(guest(), `docker inspect -f '{{index .Config.Labels "com.docker.compose.${key}"}}' ${name}`);
/** everything compose could leave behind: containers, networks, volumes, bridges */
const leftovers = async () => [
  await run(guest(), 'docker ps -aq'), await run(guest(), 'docker network ls -q --filter label=com.docker.compose.project'),
  await run(guest(), 'docker volume ls -q'), await run(guest(), 'ls /sys/class/net | grep "^br-" || true'),
].join('|');

describe('docker compose', () => {
  it('up -d: a network, a volume, both services, the web one started once the store is healthy', async () => {
    await write('/tmp/shop', 'compose.yaml', COMPOSE);
    const up = await guest().exec(inShop('docker compose up -d'), { timeoutMs: 60_000 });
    expect(up.exitCode, up.stderr).toBe(0);
    const lines = up.stderr.trim().split('\n');
    const at = (line: string) => {
      const i = lines.indexOf(line);
      if (i < 0) throw new Error(`no line ${JSON.stringify(line)} in\n${up.stderr}`);
      return i;
    };
    expect(at(' Network shop_default  Created')).toBeLessThan(at(' Container shop-store-1  Creating'));
    expect(at(' Volume "shop_data"  Created')).toBeLessThan(at(' Container shop-store-1  Creating'));
    expect(at(' Container shop-store-1  Started')).toBeLessThan(at(' Container shop-store-1  Waiting'));
    expect(at(' Container shop-store-1  Healthy')).toBeLessThan(at(' Container shop-web-1  Starting'));
    expect(at(' Container shop-web-1  Started')).toBe(lines.length - 1);
    // the kernel's view of the order: web's PID 1 started after the store had written its file
    const started = async (name: string) => Date.parse(await run(guest(), `docker inspect -f '{{.State.StartedAt}}' ${name}`));
    expect(await started('shop-web-1')).toBeGreaterThan(await started('shop-store-1') + 1000);
  }, TEST_TIMEOUT);

  it('the containers carry compose labels; the project network is a real bridge with both on it', async () => {
    expect(await run(guest(), "docker ps --filter label=com.docker.compose.project=shop --format '{{.Names}} {{.Status}}' | sort"))
      .toMatch(/^shop-store-1 Up .*\nshop-web-1 Up /);
    expect(await label('shop-web-1', 'service')).toBe('web');
    expect(await label('shop-web-1', 'depends_on')).toBe('store:service_healthy:false');
    expect(await label('shop-store-1', 'project.working_dir')).toBe('/tmp/shop');
    expect(await label('shop-store-1', 'config-hash')).toMatch(/^[0-9a-f]{64}$/);
    const bridge = await run(guest(), `docker network inspect -f '{{index .Options "com.docker.network.bridge.name"}}' shop_default`);
    expect(bridge).toMatch(/^br-[0-9a-f]{12}$/);
    expect((await run(guest(), `ls /sys/class/net/${bridge}/brif`)).split('\n')).toHaveLength(2);
    expect(await run(guest(), `docker network inspect -f '{{index .Labels "com.docker.compose.network"}}' shop_default`)).toBe('default');
    const ps = await run(guest(), inShop('docker compose ps'));
    expect(ps.split('\n')[0]).toMatch(/^NAME +IMAGE +COMMAND +SERVICE +CREATED +STATUS +PORTS$/);
    expect(ps).toMatch(/\nshop-store-1 +busybox +"sh -c 'trap \\"exit 0…" +store +.* Up /);
    expect(await run(guest(), inShop('docker compose ps --services'))).toBe('store\nweb');
    // without the file, -p names the project the engine knows by its labels
    expect(await run(guest(), 'cd / && docker compose -p shop ps --services')).toBe('store\nweb');
    expect(await run(guest(), inShop('docker compose ps -q | sort'))).toBe(await run(guest(), 'docker ps -q --no-trunc | sort'));
  }, TEST_TIMEOUT);

  it('exec and logs: web reaches the store by its service name; the volume holds what the store wrote', async () => {
    expect(await run(guest(), inShop('docker compose exec web ping -c1 -W2 store'))).toMatch(/1 packets received/);
    expect(await run(guest(), inShop('docker compose exec -T store cat /data/hello'))).toBe('saved');
    expect(await run(guest(), 'cat /var/lib/dockhand/volumes/shop_data/_data/hello')).toBe('saved');
    expect(await run(guest(), inShop('docker compose logs'))).toBe('store-1  | store ready');
    expect(await run(guest(), inShop('docker compose logs --no-log-prefix store'))).toBe('store ready');
    const missing = await guest().exec(inShop('docker compose exec nope true'));
    expect([missing.exitCode, missing.stderr]).toEqual([1, 'no such service: nope\n']);
  }, TEST_TIMEOUT);

  it('up again keeps what is unchanged and recreates a service whose configuration changed', async () => {
    const ids = async () => run(guest(), 'docker inspect -f "{{.Name}} {{.Id}}" shop-store-1 shop-web-1');
    const before = (await ids()).split('\n');
    const again = await guest().exec(inShop('docker compose up -d'), { timeoutMs: 60_000 });
    expect(again.stderr).toBe(' Container shop-store-1  Running\n Container shop-web-1  Running\n');
    expect((await ids()).split('\n')).toEqual(before);
    await write('/tmp/shop', 'compose.yaml', COMPOSE.replace('    stop_grace_period: 1s\n', '    stop_grace_period: 1s\n    environment:\n      MODE: blue\n'));
    const changed = await guest().exec(inShop('docker compose up -d'), { timeoutMs: 60_000 });
    expect(changed.exitCode, changed.stderr).toBe(0);
    expect(changed.stderr).toContain(' Container shop-web-1  Recreated\n');
    const after = (await ids()).split('\n');
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(await run(guest(), "docker inspect -f '{{json .Config.Env}}' shop-web-1")).toContain('"MODE=blue"');
  }, TEST_TIMEOUT);

  it('down -v leaves no container, network, bridge or volume', async () => {
    const down = await guest().exec(inShop('docker compose down -v'), { timeoutMs: 60_000 });
    expect(down.exitCode, down.stderr).toBe(0);
    expect(down.stderr.trim().split('\n').filter((l) => l.endsWith('Removed'))).toEqual([
      ' Container shop-web-1  Removed', ' Container shop-store-1  Removed', ' Network shop_default  Removed', ' Volume shop_data  Removed',
    ]);
    expect(await leftovers()).toBe('|||');
  }, TEST_TIMEOUT);

  it('a mistake in the file: its line, exit 1, nothing created', async () => {
    await write('/tmp/bad', 'compose.yaml', 'services:\n  web:\n    image: busybox\n    prots:\n      - "80:80"\n');
    const bad = await guest().exec('cd /tmp/bad && docker compose up -d');
    expect([bad.exitCode, bad.stderr]).toEqual([1, 'compose.yaml:4: services.web Additional property prots is not allowed\n']);
    const cycle = await guest().exec(`cd /tmp/bad && printf 'services:\\n  a:\\n    image: busybox\\n    depends_on: [b]\\n  b:\\n    image: busybox\\n    depends_on: [a]\\n' > cycle.yaml && docker compose -f cycle.yaml up -d`);
    expect([cycle.exitCode, cycle.stderr]).toEqual([1, 'cycle.yaml:2: dependency cycle detected: a -> b -> a\n']);
    const port = await guest().exec(`cd /tmp/bad && printf 'services:\\n  web:\\n    image: httpd-demo\\n    ports:\\n      - "80:abc"\\n' > port.yaml && docker compose -f port.yaml up -d`);
    expect([port.exitCode, port.stderr]).toEqual([1, 'port.yaml:5: services.web.ports[0]: invalid port "80:abc": invalid containerPort: abc\n']);
    expect(await leftovers()).toBe('|||');
  }, TEST_TIMEOUT);

  it('a step that fails half-way is undone: the containers, network and volume it made are gone', async () => {
    await write('/tmp/half', 'compose.yaml', [
      'services:', '  first:', '    image: busybox', '    command: sleep 60', '    volumes: [keep:/keep]',
      '  second:', '    image: busybox', '    depends_on: [first]', '    volumes:',
      '      - {type: bind, source: ./missing, target: /m, bind: {create_host_path: false}}',
      'volumes:', '  keep:', '',
    ].join('\n'));
    const up = await guest().exec('cd /tmp/half && docker compose up -d', { timeoutMs: 60_000 });
    expect(up.exitCode).toBe(1);
    expect(up.stderr).toContain(' Container half-first-1  Created\n');
    expect(up.stderr).toContain('bind source path does not exist: /tmp/half/missing');
    expect(up.stderr).toMatch(/ Container half-first-1 {2}Removed\n Network half_default {2}Removed\n Volume half_keep {2}Removed\n$/);
    expect(await leftovers()).toBe('|||');
  }, TEST_TIMEOUT);

  it('build: a service with build: gets its image from the Dockerfile; config shows the normalized file; up attached', async () => {
    await write('/tmp/app/src', 'Dockerfile', 'FROM busybox\nRUN echo built-by-compose > /built\nCMD ["cat", "/built"]\n');
    await write('/tmp/app', 'compose.yaml', 'services:\n  app:\n    build: ./src\n');
    const config = await run(guest(), 'cd /tmp/app && docker compose config');
    expect(config).toBe('name: app\nservices:\n  app:\n    build:\n      context: /tmp/app/src\n      dockerfile: Dockerfile\n    networks:\n      default: null\nnetworks:\n  default:\n    name: app_default');
    const build = await guest().exec('cd /tmp/app && docker compose build', { timeoutMs: 60_000 });
    expect(build.exitCode, build.stderr).toBe(0);
    expect(await run(guest(), 'docker images --format "{{.Repository}}:{{.Tag}}" app-app')).toBe('app-app:latest');
    // attached: the output, prefixed, until the service exits
    expect(await run(guest(), 'cd /tmp/app && docker compose up', 60_000)).toBe('Attaching to app-1\napp-1  | built-by-compose\napp-1 exited with code 0');
    expect(await run(guest(), 'cd /tmp/app && docker compose logs --no-log-prefix')).toBe('built-by-compose');
    await run(guest(), 'cd /tmp/app && docker compose down', 60_000);
    expect(await leftovers()).toBe('|||');
  }, TEST_TIMEOUT);

  it('docker-compose (the old name) is docker compose; env_file fills the environment, environment: wins', async () => {
    await write('/tmp/envs', 'web.env', 'MODE=green\nCOLOR=red\n');
    await write('/tmp/envs', 'compose.yaml', 'services:\n  app:\n    image: busybox\n    command: sh -c \'echo $$MODE $$COLOR\'\n    env_file: web.env\n    environment:\n      COLOR: blue\n');
    await run(guest(), 'cd /tmp/envs && docker-compose up -d', 60_000);
    await run(guest(), 'for i in $(seq 50); do [ "$(docker inspect -f {{.State.Status}} envs-app-1)" = exited ] && exit 0; sleep 0.2; done; exit 1');
    expect(await run(guest(), 'cd /tmp/envs && docker-compose logs --no-log-prefix')).toBe('green blue');
    const missing = await guest().exec("cd /tmp/envs && sed -i 's/web.env/nope.env/' compose.yaml && docker compose config");
    expect([missing.exitCode, missing.stderr]).toEqual([1, 'compose.yaml:5: services.app.env_file: env file /tmp/envs/nope.env not found: no such file or directory\n']);
    await run(guest(), 'cd / && docker compose -p envs down', 60_000); // from elsewhere: by its labels
    expect(await leftovers()).toBe('|||');
  }, TEST_TIMEOUT);
});
