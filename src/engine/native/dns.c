/*
 * dockhand-dns: the engine's embedded DNS server, one process for every user-defined network
 * (Docker runs one inside each container at 127.0.0.11; here it listens on the VM's side, at
 * each network's gateway address, which containers already route to).
 *
 *   dockhand-dns DIR     binds 0.0.0.0:53 (udp) and answers a query sent to gateway G from the
 *                        table DIR/G, which the daemon rewrites as containers come and go:
 *                          subnet 172.18.0.0/16
 *                          172.18.0.2 db database
 *
 * Only A queries get addresses; a name the table lacks is NXDOMAIN (the VM has no upstream
 * resolver to forward to). A query from outside the network's subnet is REFUSED, so a
 * container cannot look up the names of a network it is not on. The table is read at every
 * query: it is a few lines, and a file the daemon replaces by rename is never half-written.
 *
 * Its last LOG_LINES answers go to DIR/answers (rewritten by rename after each one), for the
 * web app's network picture (the DNS step of a packet's path), one a line, oldest first:
 *   SEQ TIME_MS CLIENT SERVER TYPE NAME RESULT
 *   7 1715000000123 172.18.0.2 172.18.0.1 A db 172.18.0.3
 * RESULT: the addresses (comma-separated), or NODATA (a name it has, another type than A),
 * NXDOMAIN, REFUSED, FORMERR, NOTIMP. SEQ counts every answer since the server started.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <ctype.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

enum { RCODE_OK = 0, RCODE_FORMERR = 1, RCODE_NXDOMAIN = 3, RCODE_NOTIMP = 4, RCODE_REFUSED = 5 };
enum { TYPE_A = 1, TYPE_AAAA = 28, CLASS_IN = 1, MAX_ANSWERS = 16, TTL_SECONDS = 0, LOG_LINES = 16 };

/* The question's name, lower-case and dotted ("db"); its end offset in the packet; -1 if malformed. */
static int read_name(const unsigned char *pkt, int len, int at, char *out, int size) {
    int n = 0;
    while (at < len) {
        int label = pkt[at++];
        if (label == 0) { out[n] = 0; return at; }
        if (label > 63 || at + label > len || n + label + 2 > size) return -1;   /* no compression in a question */
        if (n) out[n++] = '.';
        for (int i = 0; i < label; i++) out[n++] = (char)tolower(pkt[at + i]);
        at += label;
    }
    return -1;
}

struct table { struct in_addr net; int prefix; int count; struct in_addr addrs[MAX_ANSWERS]; };

static int in_subnet(struct in_addr a, struct in_addr net, int prefix) {
    unsigned mask = prefix == 0 ? 0 : htonl(~0u << (32 - prefix));
    return (a.s_addr & mask) == (net.s_addr & mask);
}

/* Reads DIR/<gateway>: the subnet line and every address that has `name`. 0 if there is no table. */
static int load_table(const char *dir, struct in_addr gateway, const char *name, struct table *t) {
    char path[256], line[1024];
    snprintf(path, sizeof path, "%s/%s", dir, inet_ntoa(gateway));
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    memset(t, 0, sizeof *t);
    t->prefix = -1;
    while (fgets(line, sizeof line, f)) {
        char *save = NULL, *word = strtok_r(line, " \t\n", &save);
        if (!word) continue;
        if (!strcmp(word, "subnet")) {
            char *cidr = strtok_r(NULL, " \t\n", &save), *slash = cidr ? strchr(cidr, '/') : NULL;
            if (slash) { *slash = 0; if (inet_aton(cidr, &t->net)) t->prefix = atoi(slash + 1); }
            continue;
        }
        struct in_addr addr;
        if (!inet_aton(word, &addr)) continue;
        for (char *alias; (alias = strtok_r(NULL, " \t\n", &save));) {
            for (char *c = alias; *c; c++) *c = (char)tolower(*c);
            if (!strcmp(alias, name) && t->count < MAX_ANSWERS) { t->addrs[t->count++] = addr; break; }
        }
    }
    fclose(f);
    return t->prefix >= 0;
}

static void put16(unsigned char *p, unsigned v) { p[0] = (unsigned char)(v >> 8); p[1] = (unsigned char)v; }
static void put32(unsigned char *p, unsigned v) { put16(p, v >> 16); put16(p + 2, v & 0xffff); }

/* What one answer said, for the log. */
struct said { char name[256]; unsigned qtype; int rcode; int count; struct in_addr addrs[MAX_ANSWERS]; };

/* Builds the answer in place (the query's header and question are kept); returns its length. */
static int answer(unsigned char *pkt, int len, int size, const char *dir, struct in_addr gateway, struct in_addr client, struct said *said) {
    if (len < 12) return -1;
    unsigned flags = (unsigned)(pkt[2] << 8 | pkt[3]);
    int rcode = RCODE_OK, end = 12, count = 0;
    char *name = said->name;
    struct table t;
    unsigned qtype = 0;
    name[0] = 0;
    t.count = 0;
    if ((flags & 0x8000) || pkt[4] != 0 || pkt[5] != 1) rcode = RCODE_FORMERR;           /* a response, or not one question */
    else if (((flags >> 11) & 0xf) != 0) rcode = RCODE_NOTIMP;                           /* not a standard query */
    else if ((end = read_name(pkt, len, 12, name, sizeof said->name)) < 0 || end + 4 > len) { rcode = RCODE_FORMERR; end = 12; name[0] = 0; }
    else {
        qtype = (unsigned)(pkt[end] << 8 | pkt[end + 1]);
        end += 4;
        if (!load_table(dir, gateway, name, &t) || !in_subnet(client, t.net, t.prefix)) rcode = RCODE_REFUSED;
        else if (t.count == 0) rcode = RCODE_NXDOMAIN;
        else if (qtype == TYPE_A) count = t.count;                                           /* other types: no data, no error */
    }
    /* QR, AA, the query's RD; RA 0 (no recursion here) */
    put16(pkt + 2, 0x8000 | 0x0400 | (flags & 0x0100) | (unsigned)rcode);
    put16(pkt + 4, end > 12 ? 1 : 0);
    put16(pkt + 6, (unsigned)count);
    put16(pkt + 8, 0);
    put16(pkt + 10, 0);
    int at = end;
    for (int i = 0; i < count && at + 16 <= size; i++, at += 16) {
        put16(pkt + at, 0xc00c);                      /* the name: a pointer to the question's */
        put16(pkt + at + 2, TYPE_A);
        put16(pkt + at + 4, CLASS_IN);
        put32(pkt + at + 6, TTL_SECONDS);             /* containers come and go: never cache */
        put16(pkt + at + 10, 4);
        memcpy(pkt + at + 12, &t.addrs[i].s_addr, 4);
    }
    said->qtype = qtype;
    said->rcode = rcode;
    said->count = count;
    memcpy(said->addrs, t.addrs, sizeof said->addrs);
    return at;
}

/* The log: a ring of the last LOG_LINES lines, written whole to a temporary file, then renamed. */
static char log_ring[LOG_LINES][512];
static unsigned long log_seq;

static void log_answer(const char *dir, struct in_addr client, struct in_addr gateway, const struct said *said) {
    char type[16], result[MAX_ANSWERS * 16 + 16] = "", c[INET_ADDRSTRLEN], g[INET_ADDRSTRLEN], name[256];
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    if (said->qtype == TYPE_A) strcpy(type, "A");
    else if (said->qtype == TYPE_AAAA) strcpy(type, "AAAA");
    else snprintf(type, sizeof type, "TYPE%u", said->qtype);
    static const char *const codes[] = { "NODATA", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "REFUSED" };
    if (said->rcode == RCODE_OK && said->count > 0) {
        for (int i = 0; i < said->count; i++) {
            if (i) strcat(result, ",");
            strcat(result, inet_ntoa(said->addrs[i]));
        }
    } else {
        strcpy(result, said->rcode >= 0 && said->rcode <= 5 ? codes[said->rcode] : "ERROR");
    }
    /* a name is written as asked, but never with a space or a control character in it */
    snprintf(name, sizeof name, "%s", said->name[0] ? said->name : ".");
    for (char *p = name; *p; p++) if ((unsigned char)*p <= ' ' || *p == 0x7f) *p = '?';
    inet_ntop(AF_INET, &client, c, sizeof c);
    inet_ntop(AF_INET, &gateway, g, sizeof g);
    log_seq++;
    snprintf(log_ring[log_seq % LOG_LINES], sizeof log_ring[0], "%lu %lld %s %s %s %s %s\n", log_seq,
             (long long)now.tv_sec * 1000 + now.tv_nsec / 1000000, c, g, type, name, result);
    char tmp[256], path[256];
    snprintf(tmp, sizeof tmp, "%s/.answers.tmp", dir);
    snprintf(path, sizeof path, "%s/answers", dir);
    FILE *f = fopen(tmp, "w");
    if (!f) return;
    unsigned long first = log_seq >= LOG_LINES ? log_seq - LOG_LINES + 1 : 1;
    for (unsigned long i = first; i <= log_seq; i++) fputs(log_ring[i % LOG_LINES], f);
    if (fclose(f) == 0) rename(tmp, path);
}

int dns_main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: dockhand-dns DIR\n");
        return 2;
    }
    int fd = socket(AF_INET, SOCK_DGRAM, 0), on = 1;
    struct sockaddr_in any = { .sin_family = AF_INET, .sin_port = htons(53), .sin_addr = { INADDR_ANY } };
    if (fd < 0 || setsockopt(fd, IPPROTO_IP, IP_PKTINFO, &on, sizeof on) < 0 || bind(fd, (struct sockaddr *)&any, sizeof any) < 0) {
        perror("dockhand-dns: udp port 53");
        return 1;
    }
    for (;;) {
        unsigned char pkt[512];
        char control[CMSG_SPACE(sizeof(struct in_pktinfo))];
        struct sockaddr_in from;
        struct iovec iov = { pkt, sizeof pkt };
        struct msghdr msg = { .msg_name = &from, .msg_namelen = sizeof from, .msg_iov = &iov, .msg_iovlen = 1,
                              .msg_control = control, .msg_controllen = sizeof control };
        ssize_t n = recvmsg(fd, &msg, 0);
        if (n < 0) continue;
        struct in_addr gateway = { 0 };
        int asked = 0;
        for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
            if (c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_PKTINFO) {
                gateway = ((struct in_pktinfo *)CMSG_DATA(c))->ipi_addr;
                asked = 1;
            }
        }
        if (!asked) continue;
        struct said said;
        int len = answer(pkt, (int)n, sizeof pkt, argv[1], gateway, from.sin_addr, &said);
        if (len < 0) continue;
        /* answer from the address that was asked (the gateway), as the client expects */
        memset(control, 0, sizeof control);
        msg.msg_controllen = sizeof control;
        struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
        c->cmsg_level = IPPROTO_IP;
        c->cmsg_type = IP_PKTINFO;
        c->cmsg_len = CMSG_LEN(sizeof(struct in_pktinfo));
        ((struct in_pktinfo *)CMSG_DATA(c))->ipi_spec_dst = gateway;
        iov.iov_len = (size_t)len;
        sendmsg(fd, &msg, 0);
        log_answer(argv[1], from.sin_addr, gateway, &said);   /* after the answer: the client waits for nothing */
    }
}
