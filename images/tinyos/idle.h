/* The CPU's rest between keystrokes: an IDT with COM1's interrupt, and hlt. */
#ifndef DOCKOS_IDLE_H
#define DOCKOS_IDLE_H
#include "io.h"
void idt_init(void);
void idle_until_interrupt(void);
#endif
