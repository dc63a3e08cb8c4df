/*
 * psample: a sampling profiler for the guest (scripts/profile.ts builds it for i386 and runs
 * it there). The kernel's software cpu-clock event, every process: at each sample the
 * interrupted instruction pointer and pid, written as "pid ip" lines for SECONDS seconds.
 * Usage: psample SECONDS OUT
 */
#define _GNU_SOURCE
#include <linux/perf_event.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define PAGES 256 /* ring buffer pages (1 MiB): read every 20 ms, it never fills */

struct sample { struct perf_event_header header; uint64_t ip; uint32_t pid, tid; };

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: psample SECONDS OUT\n"); return 2; }
    struct perf_event_attr attr;
    memset(&attr, 0, sizeof attr);
    attr.size = sizeof attr;
    attr.type = PERF_TYPE_SOFTWARE;
    attr.config = PERF_COUNT_SW_CPU_CLOCK;
    attr.sample_period = 200000; /* ns of CPU time between samples */
    attr.sample_type = PERF_SAMPLE_IP | PERF_SAMPLE_TID;
    attr.disabled = 1;
    int fd = syscall(__NR_perf_event_open, &attr, -1 /* every process */, 0, -1, 0);
    if (fd < 0) { perror("perf_event_open"); return 1; }
    long page = sysconf(_SC_PAGESIZE);
    uint8_t *ring = mmap(NULL, page * (PAGES + 1), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (ring == MAP_FAILED) { perror("mmap"); return 1; }
    struct perf_event_mmap_page *meta = (void *)ring;
    uint8_t *data = ring + page;
    size_t size = page * PAGES;
    FILE *out = fopen(argv[2], "w");
    if (!out) { perror(argv[2]); return 1; }
    ioctl(fd, PERF_EVENT_IOC_ENABLE, 0);
    long samples = 0, lost = 0;
    uint64_t tail = 0;
    for (time_t end = time(NULL) + atoi(argv[1]); time(NULL) < end;) {
        usleep(20000);
        uint64_t head = meta->data_head;
        __sync_synchronize();
        while (tail < head) {
            struct perf_event_header header;
            uint8_t record[64];
            for (size_t i = 0; i < sizeof header; i++) ((uint8_t *)&header)[i] = data[(tail + i) % size];
            for (size_t i = 0; i < header.size && i < sizeof record; i++) record[i] = data[(tail + i) % size];
            if (header.type == PERF_RECORD_SAMPLE && header.size >= sizeof(struct sample)) {
                struct sample *s = (void *)record;
                fprintf(out, "%u %llx\n", s->pid, (unsigned long long)s->ip);
                samples++;
            } else if (header.type == PERF_RECORD_LOST) {
                lost++;
            }
            tail += header.size;
        }
        meta->data_tail = tail;
    }
    fclose(out);
    fprintf(stderr, "psample: %ld samples, %ld lost\n", samples, lost);
    return 0;
}
