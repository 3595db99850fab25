/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command tables Patchcord's IOS is made of; ios-modules.c lists them in order. */
#pragma once

#include "ios-parser.h"

G_BEGIN_DECLS

/* cmd-base.c: modes, enable, hostname, banner, show running-config … */
extern const CordIosModule cord_ios_module_base;
/* cmd-line.c: line console 0, line vty, and (config-line). */
extern const CordIosModule cord_ios_module_line;
/* cmd-interface.c: interface, interface range, and (config-if), (config-subif). */
extern const CordIosModule cord_ios_module_interface;
/* cmd-switching.c: vlan, (config-vlan), and the switchport commands. */
extern const CordIosModule cord_ios_module_switching;
/* cmd-routing.c: ip route, ip default-gateway, ip routing. */
extern const CordIosModule cord_ios_module_routing;
extern const CordIosModule cord_ios_module_router;
/* cmd-dhcp.c: ip dhcp pool, (dhcp-config), excluded addresses, show ip dhcp. */
extern const CordIosModule cord_ios_module_dhcp;
/* cmd-show-system.c: show version, show flash:, show clock, show startup-config. */
extern const CordIosModule cord_ios_module_show_system;
/* cmd-show-ip.c: show ip interface brief, show interfaces, show ip route, show arp. */
extern const CordIosModule cord_ios_module_show_ip;
/* cmd-show-switching.c: show vlan, show mac address-table, show interfaces trunk|switchport|status. */
extern const CordIosModule cord_ios_module_show_switching;

/* cmd-exec.c: ping, traceroute, clock set, copy, write, erase, reload. */
extern const CordIosModule cord_ios_module_exec;

/* The device's clock, on virtual time: cord_ios_clock_boot() says the
 * device boots now (its console calls it), which sets the clock to
 * 00:00:00 UTC Mon Mar 1 1993, as IOS without a calendar does, until
 * `clock set`. cord_ios_clock_now() gives microseconds since 1970 and
 * whether `clock set` was used (IOS marks a time it cannot trust with
 * "*"); cord_ios_clock_boot_time() the virtual time of the boot. */
void       cord_ios_clock_boot         (CordIosDevice *ios);
guint64    cord_ios_clock_boot_time    (CordIosDevice *ios);
gint64     cord_ios_clock_now          (CordIosDevice *ios,
                                        gboolean      *set);

G_END_DECLS
