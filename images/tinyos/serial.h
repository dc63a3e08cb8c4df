/* COM1, the only console DockOS has. */
#ifndef DOCKOS_SERIAL_H
#define DOCKOS_SERIAL_H
#include "io.h"
void serial_init(void);
void serial_putc(char c);
void serial_puts(const char *s);
void serial_putu(u32 n);
void serial_putms(u64 tenths); /* 123 → "12.3" */
void serial_puthex(u32 n, int digits);
int serial_getc(void); /* blocks until a byte arrives */
#endif
