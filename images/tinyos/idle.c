/* Idling: without it the shell would spin on the serial line and eat the browser tab's CPU
 * (v86 runs every machine in one thread). The PIC delivers only COM1's interrupt; the shell
 * sleeps in hlt until a byte arrives. */
#include "idle.h"

struct idt_gate { u16 offset_lo, selector; u8 zero, flags; u16 offset_hi; } __attribute__((packed));
static struct idt_gate idt[0x30];
static struct { u16 limit; u32 base; } __attribute__((packed)) idt_ptr;
extern void irq_com1(void);

#define COM1_VECTOR 0x24

void idt_init(void) {
  u32 handler = (u32)irq_com1;
  idt[COM1_VECTOR] = (struct idt_gate){ (u16)handler, 0x08, 0, 0x8E /* present, ring 0, 32-bit interrupt gate */, (u16)(handler >> 16) };
  idt_ptr.limit = sizeof idt - 1;
  idt_ptr.base = (u32)idt;
  __asm__ volatile("lidt %0" : : "m"(idt_ptr));
  /* the two PICs: IRQs 0–7 at vectors 0x20–0x27, 8–15 at 0x28–0x2F; all masked but IRQ 4 */
  outb(0x20, 0x11); outb(0xA0, 0x11);
  outb(0x21, 0x20); outb(0xA1, 0x28);
  outb(0x21, 0x04); outb(0xA1, 0x02);
  outb(0x21, 0x01); outb(0xA1, 0x01);
  outb(0x21, 0xEF); outb(0xA1, 0xFF);
}

void idle_until_interrupt(void) {
  /* sti takes effect after the next instruction: an interrupt already pending wakes this hlt */
  __asm__ volatile("sti; hlt; cli");
}
