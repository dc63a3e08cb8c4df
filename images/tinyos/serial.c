/* COM1 (0x3F8) at 115200 8N1, written by polling, read after its interrupt wakes the CPU: the host reads what DockOS prints and types its commands here. */
#include "idle.h"
#include "serial.h"

#define COM1 0x3F8

void serial_init(void) {
  outb(COM1 + 1, 0x00); /* no interrupts while it is set up */
  outb(COM1 + 3, 0x80); /* divisor latch */
  outb(COM1 + 0, 0x01); /* 115200 baud */
  outb(COM1 + 1, 0x00);
  outb(COM1 + 3, 0x03); /* 8N1 */
  outb(COM1 + 2, 0xC7); /* FIFO on */
  outb(COM1 + 4, 0x0B); /* DTR, RTS, OUT2 (connects the UART to IRQ 4) */
  outb(COM1 + 1, 0x01); /* interrupt when a byte arrives: it wakes the idle CPU */
}

void serial_putc(char c) {
  while (!(inb(COM1 + 5) & 0x20)) {} /* transmitter ready */
  outb(COM1, (u8)c);
}

void serial_puts(const char *s) {
  for (; *s; s++) {
    if (*s == '\n') serial_putc('\r');
    serial_putc(*s);
  }
}

void serial_putu(u32 n) {
  char buf[11];
  int i = 0;
  do { buf[i++] = (char)('0' + n % 10); n /= 10; } while (n);
  while (i) serial_putc(buf[--i]);
}

void serial_putms(u64 tenths) {
  serial_putu((u32)(tenths / 10));
  serial_putc('.');
  serial_putc((char)('0' + (u32)(tenths % 10)));
}

void serial_puthex(u32 n, int digits) {
  while (digits--) serial_putc("0123456789abcdef"[(n >> (digits * 4)) & 0xF]);
}

int serial_getc(void) {
  while (!(inb(COM1 + 5) & 0x01)) idle_until_interrupt(); /* data ready? else sleep */
  return inb(COM1);
}
