/* Port I/O and the few types DockOS needs (no libc here). */
#ifndef DOCKOS_IO_H
#define DOCKOS_IO_H
typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;

static inline void outb(u16 port, u8 value) { __asm__ volatile("outb %0, %1" : : "a"(value), "Nd"(port)); }
static inline u8 inb(u16 port) { u8 v; __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port)); return v; }
static inline u64 rdtsc(void) { u64 v; __asm__ volatile("rdtsc" : "=A"(v)); return v; }
#endif
