/*
 * Container networking as Docker's bridge driver does it, one veth pair per network
 * (spec lines "network BRIDGE VETH IP/PREFIX GATEWAY MAC"):
 *
 *   launcher (the VM's namespaces)                 container's PID 1 (its own net namespace)
 *   RTM_NEWLINK veth VETH, peer ethN in netns PID ──► ethN appears inside (down, no address)
 *   RTM_NEWLINK VETH master BRIDGE, up                │ waits on a pipe until the launcher is done
 *   write 1 byte on the pipe ───────────────────────► RTM_NEWADDR IP/PREFIX dev ethN
 *                                                     RTM_NEWLINK ethN up
 *                                                     RTM_NEWROUTE default via GATEWAY (eth0)
 *
 * Nothing to undo at the end: the container end goes with its namespace, and a veth pair
 * goes as one. If a step fails, the launcher deletes the host ends it made.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <linux/veth.h>
#include "launcher.h"

static int parse_mac(const char *text, unsigned char mac[6]) {
    unsigned int b[6];
    if (!text || sscanf(text, "%x:%x:%x:%x:%x:%x", &b[0], &b[1], &b[2], &b[3], &b[4], &b[5]) != 6) return 0;
    for (int i = 0; i < 6; i++) mac[i] = (unsigned char)b[i];
    return 1;
}

static int link_delete(int fd, const char *name) {
    struct nl_req r;
    struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
    nl_init(&r, RTM_DELLINK, 0, &ifi, sizeof ifi);
    nl_add_str(&r, IFLA_IFNAME, name);
    return nl_talk(fd, &r);
}

/* The launcher's half: each network's veth pair, the container end made in the child's netns. */
int net_attach_host(const struct spec *s, pid_t child, char *error, size_t error_len) {
    int fd = nl_open(), done = 0, rc = 0;
    const char *step = "socket(AF_NETLINK)";
    if (fd < 0) { rc = fd; goto fail; }
    for (; done < s->nnets; done++) {
        const struct net_spec *n = &s->nets[done];
        char peer[IFNAMSIZ];
        snprintf(peer, sizeof peer, "%s", n->ifname ? n->ifname : "");
        if (!n->ifname) snprintf(peer, sizeof peer, "eth%d", done);
        unsigned int bridge = if_nametoindex(n->bridge);
        if (!bridge) { rc = -errno; step = n->bridge; goto fail; }

        double t = xray_now();
        struct nl_req r;
        struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
        nl_init(&r, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL, &ifi, sizeof ifi);
        nl_add_str(&r, IFLA_IFNAME, n->veth);
        struct rtattr *info = nl_add(&r, IFLA_LINKINFO, NULL, 0);
        nl_add_str(&r, IFLA_INFO_KIND, "veth");
        struct rtattr *data = nl_add(&r, IFLA_INFO_DATA, NULL, 0);
        struct rtattr *peer_attr = nl_add(&r, VETH_INFO_PEER, NULL, 0);
        struct ifinfomsg *peer_ifi = nl_reserve(&r, sizeof *peer_ifi);
        peer_ifi->ifi_family = AF_UNSPEC;
        nl_add_str(&r, IFLA_IFNAME, peer);
        nl_add_u32(&r, IFLA_NET_NS_PID, (unsigned int)child);
        unsigned char mac[6];
        if (parse_mac(n->mac, mac)) nl_add(&r, IFLA_ADDRESS, mac, 6);
        nl_end(&r, peer_attr);
        nl_end(&r, data);
        nl_end(&r, info);
        step = "RTM_NEWLINK veth";
        if ((rc = nl_talk(fd, &r)) < 0) goto fail;
        xray_step("netlink", t, "RTM_NEWLINK %s type veth peer %s (made in the netns of pid %d: moved into the container)", n->veth, peer, (int)child);

        t = xray_now();
        struct ifinfomsg up = { .ifi_family = AF_UNSPEC, .ifi_flags = IFF_UP, .ifi_change = IFF_UP };
        up.ifi_index = (int)if_nametoindex(n->veth);
        nl_init(&r, RTM_NEWLINK, 0, &up, sizeof up);
        nl_add_u32(&r, IFLA_MASTER, bridge);
        step = "RTM_NEWLINK master";
        if ((rc = nl_talk(fd, &r)) < 0) { done++; goto fail; }
        xray_step("netlink", t, "RTM_NEWLINK %s master %s up (a port of the bridge)", n->veth, n->bridge);
    }
    close(fd);
    return 0;
fail:
    snprintf(error, error_len, "failed to set up container networking: %s: %s", step, strerror(-rc));
    if (fd >= 0) {
        for (int i = 0; i < done; i++) link_delete(fd, s->nets[i].veth);
        close(fd);
    }
    return rc;
}

/* PID 1's half, inside its network namespace: ethN's address, up, the default route. */
void net_configure_inside(const struct spec *s) {
    int fd = nl_open();
    if (fd < 0) die(125, "failed to set up container networking: socket(AF_NETLINK): %s", strerror(-fd));
    for (int i = 0; i < s->nnets; i++) {
        const struct net_spec *n = &s->nets[i];
        char name[IFNAMSIZ];
        if (n->ifname) snprintf(name, sizeof name, "%s", n->ifname);
        else snprintf(name, sizeof name, "eth%d", i);
        int index = (int)if_nametoindex(name);
        if (!index) die(125, "failed to set up container networking: %s: %s", name, strerror(errno));
        struct in_addr addr, gw;
        if (inet_pton(AF_INET, n->ip, &addr) != 1 || inet_pton(AF_INET, n->gateway, &gw) != 1)
            die(125, "failed to set up container networking: bad address %s or gateway %s", n->ip, n->gateway);

        double t = xray_now();
        struct nl_req r;
        struct ifaddrmsg ifa = { .ifa_family = AF_INET, .ifa_prefixlen = (unsigned char)n->prefix, .ifa_index = (unsigned int)index };
        nl_init(&r, RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL, &ifa, sizeof ifa);
        nl_add(&r, IFA_LOCAL, &addr, 4);
        nl_add(&r, IFA_ADDRESS, &addr, 4);
        struct in_addr brd = { .s_addr = addr.s_addr | htonl(n->prefix >= 32 ? 0 : 0xffffffffu >> n->prefix) };
        nl_add(&r, IFA_BROADCAST, &brd, 4);
        int rc = nl_talk(fd, &r);
        if (rc < 0) die(125, "failed to set up container networking: RTM_NEWADDR %s/%d dev %s: %s", n->ip, n->prefix, name, strerror(-rc));
        xray_step("netlink", t, "RTM_NEWADDR %s/%d dev %s", n->ip, n->prefix, name);

        t = xray_now();
        struct ifinfomsg up = { .ifi_family = AF_UNSPEC, .ifi_index = index, .ifi_flags = IFF_UP, .ifi_change = IFF_UP };
        nl_init(&r, RTM_NEWLINK, 0, &up, sizeof up);
        if ((rc = nl_talk(fd, &r)) < 0) die(125, "failed to set up container networking: %s up: %s", name, strerror(-rc));
        xray_step("netlink", t, "RTM_NEWLINK %s up", name);

        if (strcmp(name, "eth0")) continue; /* the default route goes through the first network */
        t = xray_now();
        struct rtmsg rt = {
            .rtm_family = AF_INET, .rtm_table = RT_TABLE_MAIN, .rtm_protocol = RTPROT_BOOT,
            .rtm_scope = RT_SCOPE_UNIVERSE, .rtm_type = RTN_UNICAST, .rtm_dst_len = 0,
        };
        nl_init(&r, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL, &rt, sizeof rt);
        nl_add(&r, RTA_GATEWAY, &gw, 4);
        nl_add_u32(&r, RTA_OIF, (unsigned int)index);
        if ((rc = nl_talk(fd, &r)) < 0) die(125, "failed to set up container networking: RTM_NEWROUTE default via %s: %s", n->gateway, strerror(-rc));
        xray_step("netlink", t, "RTM_NEWROUTE default via %s dev %s", n->gateway, name);
    }
    close(fd);
}

/* docker network connect on a running container: dockhand-run network-attach PID IFNAME BRIDGE
   VETH IP/PREFIX GATEWAY MAC: the same veth pair, made from outside, then configured from
   inside its network namespace (setns). Prints the x-ray steps on stdout. */
int network_attach_main(int argc, char **argv) {
    if (argc != 9) { fprintf(stderr, "usage: dockhand-run network-attach PID IFNAME BRIDGE VETH IP/PREFIX GATEWAY MAC\n"); return 125; }
    static struct spec s;
    struct net_spec *n = &s.nets[0];
    pid_t pid = atoi(argv[2]);
    n->ifname = argv[3]; n->bridge = argv[4]; n->veth = argv[5]; n->gateway = argv[7]; n->mac = argv[8];
    char *slash = strchr(argv[6], '/');
    if (!slash) die(125, "bad address %s", argv[6]);
    *slash = 0;
    n->ip = argv[6]; n->prefix = atoi(slash + 1);
    s.nnets = 1;
    char error[512], path[64];
    snprintf(path, sizeof path, "/proc/%d/ns/net", (int)pid);
    int ns = open(path, O_RDONLY | O_CLOEXEC);
    if (ns < 0) die(125, "container process %d is not running: %s", (int)pid, strerror(errno));
    if (net_attach_host(&s, pid, error, sizeof error) < 0) die(125, "%s", error);
    double t = xray_now();
    if (setns(ns, CLONE_NEWNET) < 0) die(125, "setns net: %s", strerror(errno));
    xray_step("setns", t, "net of /proc/%d/ns", (int)pid);
    net_configure_inside(&s);
    xray_send(1);
    return 0;
}
