/* DockOS: the whole operating system. One program, no scheduler, no memory manager, no
 * Linux: it says who it is, how long its own boot took, how much memory the machine has,
 * then answers a few commands on the serial line until it is told to panic. */
#include "clock.h"
#include "serial.h"

#define NAME "DockOS"
#define VERSION "0.1"
#define MB_BOOTLOADER_MAGIC 0x2BADB002u
#define MB_INFO_MMAP (1u << 6)

struct mb_info { u32 flags, mem_lower, mem_upper, boot_device, cmdline, mods_count, mods_addr, syms[4], mmap_length, mmap_addr; };
struct mb_mmap { u32 size; u64 addr, len; u32 type; } __attribute__((packed));

extern char _load_start[], _bss_end[];
static u32 memory_kb, memory_regions, boot_id[4];

/* Usable RAM = the sum of the map's type-1 regions (the loader's answer, not a constant). */
static void read_memory_map(const struct mb_info *info) {
  if (!(info->flags & MB_INFO_MMAP)) return;
  for (u32 at = info->mmap_addr; at < info->mmap_addr + info->mmap_length;) {
    const struct mb_mmap *entry = (const struct mb_mmap *)at;
    if (entry->type == 1) { memory_kb += (u32)(entry->len >> 10); memory_regions++; }
    at += entry->size + 4;
  }
}

/* A boot id like Linux's: different on every boot, here from the TSC's low bits, mixed. */
static void make_boot_id(void) {
  u32 x = (u32)rdtsc() ^ 0x9E3779B9u;
  for (int i = 0; i < 4; i++) {
    x ^= x << 13; x ^= x >> 17; x ^= x << 5;
    x ^= (u32)rdtsc();
    boot_id[i] = x;
  }
}

static void put_boot_id(void) {
  serial_puthex(boot_id[0], 8); serial_putc('-');
  serial_puthex(boot_id[1] >> 16, 4); serial_putc('-');
  serial_puthex(boot_id[1] & 0xFFFF, 4); serial_putc('-');
  serial_puthex(boot_id[2] >> 16, 4); serial_putc('-');
  serial_puthex(boot_id[2] & 0xFFFF, 4); serial_puthex(boot_id[3], 8);
}

static int equals(const char *a, const char *b) {
  while (*a && *a == *b) { a++; b++; }
  return *a == *b;
}

static void run(const char *line) {
  if (equals(line, "uname") || equals(line, "uname -s")) {
    serial_puts(NAME "\n");
  } else if (equals(line, "uname -r")) {
    serial_puts(VERSION "-dockos\n");
  } else if (equals(line, "uname -a")) {
    serial_puts(NAME " " VERSION "-dockos i386 (not Linux: no processes, no syscalls, one program)\n");
  } else if (equals(line, "mem")) {
    serial_puts("total: "); serial_putu(memory_kb); serial_puts(" kB in ");
    serial_putu(memory_regions); serial_puts(" regions (multiboot memory map)\n");
    serial_puts("used:  "); serial_putu((u32)(_bss_end - _load_start) / 1024 + 1);
    serial_puts(" kB (DockOS's code, data and stack)\n");
  } else if (equals(line, "uptime")) {
    serial_puts("up "); serial_putms(clock_tenths_ms(rdtsc() - tsc_at_entry)); serial_puts(" ms\n");
  } else if (equals(line, "ps")) {
    serial_puts("PID  NAME\n  1  dockos-shell (the only one: DockOS has no scheduler)\n");
  } else if (equals(line, "bootid")) {
    put_boot_id(); serial_putc('\n');
  } else if (equals(line, "panic")) {
    serial_puts(NAME " panic: asked to by the user. This machine stops here; other machines do not notice.\n");
    __asm__ volatile("cli; 1: hlt; jmp 1b");
  } else if (equals(line, "help")) {
    serial_puts("commands: uname [-r|-a], mem, uptime, ps, bootid, panic, help\n");
  } else if (*line) {
    serial_puts(line); serial_puts(": not found (try help)\n");
  }
}

static void shell(void) {
  char line[80];
  for (;;) {
    serial_puts("dockos> ");
    u32 n = 0;
    for (;;) {
      int c = serial_getc();
      if (c == '\r' || c == '\n') break;
      if ((c == 0x7F || c == 0x08) && n) { n--; serial_puts("\b \b"); continue; }
      if (c >= ' ' && c < 0x7F && n < sizeof line - 1) { line[n++] = (char)c; serial_putc((char)c); }
    }
    line[n] = 0;
    serial_puts("\n");
    run(line);
  }
}

void kmain(u32 magic, const struct mb_info *info) {
  serial_init();
  serial_puts("\n" NAME " " VERSION " \xE2\x80\x94 not Linux\n");
  if (magic != MB_BOOTLOADER_MAGIC) { serial_puts("not started by a multiboot loader\n"); return; }
  u32 khz = clock_calibrate();
  read_memory_map(info);
  make_boot_id();
  /* v86's TSC counts the host's clock (performance.now() in ns), not time since power-on:
   * print the entry stamp raw so the host can place it on its own timeline, and what
   * DockOS itself spent from entry to here (its whole kernel init). */
  serial_puts("tsc: "); serial_putu(khz / 1000); serial_puts(" MHz (measured against the PIT)\n");
  serial_puts("kernel entry: "); serial_putms(clock_tenths_ms(tsc_at_entry)); serial_puts(" ms on the TSC\n");
  serial_puts("kernel init: "); serial_putms(clock_tenths_ms(rdtsc() - tsc_at_entry)); serial_puts(" ms (entry to here)\n");
  serial_puts("memory: "); serial_putu(memory_kb / 1024); serial_puts(" MB (multiboot memory map)\n");
  serial_puts("boot id: "); put_boot_id(); serial_putc('\n');
  shell();
}
