/*
 * One static binary for the engine's C parts, chosen by the name it is called by:
 *   docker, dockhand   the command-line client (docker-client.c)
 *   docker-compose     the same client, as `docker compose`
 *   dockhand-run       the container launcher (dockhand-run.c)
 *   dockhand-dns       the embedded DNS server of user-defined networks (dns.c)
 * One binary instead of two saves ~350 KB of static libc in the initramfs and the saved
 * state, and lets the client become the container for foreground runs without an exec.
 */
#include <string.h>

int client_main(int argc, char **argv);
int run_main(int argc, char **argv);
int dns_main(int argc, char **argv);

int main(int argc, char **argv) {
    const char *name = strrchr(argv[0], '/');
    name = name ? name + 1 : argv[0];
    if (strcmp(name, "dockhand-run") == 0) return run_main(argc, argv);
    if (strcmp(name, "dockhand-dns") == 0) return dns_main(argc, argv);
    return client_main(argc, argv);
}
