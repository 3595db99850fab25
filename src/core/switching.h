/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Learning switches and bridges: the VLAN database, switchport settings, 802.1Q trunks and the MAC address table. */
#pragma once

#include <glib.h>

#include "frame.h"
#include "sim.h"
#include "topology.h"

G_BEGIN_DECLS

/* What `switchport mode` sets. Until DTP is simulated a dynamic port
 * operates as an access port. */
typedef enum {
  CORD_SWITCHPORT_ACCESS,
  CORD_SWITCHPORT_TRUNK,
  CORD_SWITCHPORT_DYNAMIC_AUTO,
  CORD_SWITCHPORT_DYNAMIC_DESIRABLE,
} CordSwitchportMode;

/* What `switchport trunk encapsulation` sets. Only switches that also
 * know ISL (the 3560) have the command; they default to NEGOTIATE and
 * refuse `switchport mode trunk` until it is DOT1Q. ISL itself is not
 * simulated. */
typedef enum {
  CORD_TRUNK_ENCAP_DOT1Q,
  CORD_TRUNK_ENCAP_NEGOTIATE,
  CORD_TRUNK_ENCAP_ISL,
} CordTrunkEncapsulation;

#define CORD_SWITCH_VLAN_NAME_MAX      32u
/* VLANs 1002-1005 are the FDDI and Token Ring defaults. */
#define CORD_SWITCH_VLAN_FDDI_DEFAULT  1002u
#define CORD_SWITCH_VLAN_TRNET_DEFAULT 1005u
/* `mac address-table aging-time`: 0 turns aging off. */
#define CORD_SWITCH_AGING_DEFAULT      300u
#define CORD_SWITCH_AGING_MIN          10u
#define CORD_SWITCH_AGING_MAX          1000000u
/* Addresses one switch learns, static ones included: a 2960 holds 8,192.
 * When the table is full new sources are not learned (frames to them
 * are flooded), so a flood of random sources cannot grow memory. */
#define CORD_SWITCH_MAC_TABLE_MAX      8192u

/* A set of VLANs: bit (vid % 8) of byte (vid / 8), for vid 0-4095.
 * Bits 0 and 4095 are never set in sets the API returns and are ignored
 * in sets it is given. */
#define CORD_VLAN_BITMAP_BYTES         512u

static inline gboolean
cord_vlan_bitmap_get (const guint8 *bitmap,
                      guint         vid)
{
  return vid < 4096 && (bitmap[vid >> 3] & (1u << (vid & 7))) != 0;
}

static inline void
cord_vlan_bitmap_set (guint8   *bitmap,
                      guint     vid,
                      gboolean  on)
{
  if (vid >= 4096)
    return;
  if (on)
    bitmap[vid >> 3] = (guint8) (bitmap[vid >> 3] | (1u << (vid & 7)));
  else
    bitmap[vid >> 3] = (guint8) (bitmap[vid >> 3] & ~(1u << (vid & 7)));
}

/* Sets every VLAN from @first to @last inclusive (1-4094). */
void      cord_vlan_bitmap_set_range (guint8       *bitmap,
                                      guint         first,
                                      guint         last);
/* The set as IOS lists it: "1-4094", "2-4", "1,10,20,30,99", or "none"
 * for the empty set. No line wrapping. */
char     *cord_vlan_bitmap_format    (const guint8 *bitmap);

/* One row of `show vlan`. */
typedef struct {
  guint16  vid;
  char    *name;
  gboolean default_vlan;   /* 1 and 1002-1005: cannot be deleted or renamed */
  gboolean active;
  gboolean ethernet;       /* FALSE for 1002-1005, which carry no Ethernet
                            * traffic: real IOS shows them "act/unsup",
                            * Packet Tracer "active" */
} CordVlanInfo;

void      cord_vlan_info_clear       (CordVlanInfo *info);

/* `show interfaces switchport`. */
typedef struct {
  CordSwitchportMode     admin_mode;
  CordSwitchportMode     oper_mode;     /* ACCESS or TRUNK */
  CordTrunkEncapsulation admin_encap;
  guint16                access_vlan;
  guint16                native_vlan;
  gboolean               nonegotiate;
  guint8                 allowed[CORD_VLAN_BITMAP_BYTES];
} CordSwitchportInfo;

/* One row of `show mac address-table`. */
typedef struct {
  guint16   vid;
  CordMac   mac;
  CordPort *port;
  gboolean  is_static;
  guint64   last_seen_ns;   /* virtual time it was last learned; 0 for static */
} CordMacEntry;

/* Devices. Switches (2950, 2960, 3560, Switch-PT) and Bridge-PT are
 * switches; only the first have a VLAN configuration. */
gboolean   cord_switch_is_switch         (CordSim       *sim,
                                          CordDevice    *device);
gboolean   cord_switch_has_vlans         (CordSim       *sim,
                                          CordDevice    *device);

/* The VLAN database. It survives power cycles (vlan.dat lives in flash). */
gboolean   cord_switch_vlan_add          (CordSim       *sim,
                                          CordDevice    *device,
                                          guint          vid,
                                          const char    *name,
                                          GError       **error);
gboolean   cord_switch_vlan_remove       (CordSim       *sim,
                                          CordDevice    *device,
                                          guint          vid,
                                          GError       **error);
gboolean   cord_switch_vlan_set_name     (CordSim       *sim,
                                          CordDevice    *device,
                                          guint          vid,
                                          const char    *name,
                                          GError       **error);
gboolean   cord_switch_vlan_exists       (CordSim       *sim,
                                          CordDevice    *device,
                                          guint          vid);
GArray    *cord_switch_list_vlans        (CordSim       *sim,
                                          CordDevice    *device);
GPtrArray *cord_switch_vlan_ports        (CordSim       *sim,
                                          CordDevice    *device,
                                          guint          vid);

/* Switch ports. */
gboolean   cord_switch_port_set_mode     (CordSim       *sim,
                                          CordPort      *port,
                                          CordSwitchportMode mode,
                                          GError       **error);
gboolean   cord_switch_port_set_encapsulation (CordSim  *sim,
                                          CordPort      *port,
                                          CordTrunkEncapsulation encap,
                                          GError       **error);
gboolean   cord_switch_port_set_access_vlan (CordSim    *sim,
                                          CordPort      *port,
                                          guint          vid,
                                          gboolean      *created,
                                          GError       **error);
gboolean   cord_switch_port_set_native_vlan (CordSim    *sim,
                                          CordPort      *port,
                                          guint          vid,
                                          GError       **error);
gboolean   cord_switch_port_set_allowed  (CordSim       *sim,
                                          CordPort      *port,
                                          const guint8   bitmap[CORD_VLAN_BITMAP_BYTES],
                                          GError       **error);
gboolean   cord_switch_port_allowed_add  (CordSim       *sim,
                                          CordPort      *port,
                                          const guint8   bitmap[CORD_VLAN_BITMAP_BYTES],
                                          GError       **error);
gboolean   cord_switch_port_allowed_remove (CordSim     *sim,
                                          CordPort      *port,
                                          const guint8   bitmap[CORD_VLAN_BITMAP_BYTES],
                                          GError       **error);
gboolean   cord_switch_port_allowed_all  (CordSim       *sim,
                                          CordPort      *port,
                                          GError       **error);
gboolean   cord_switch_port_allowed_none (CordSim       *sim,
                                          CordPort      *port,
                                          GError       **error);
gboolean   cord_switch_port_set_nonegotiate (CordSim    *sim,
                                          CordPort      *port,
                                          gboolean       nonegotiate,
                                          GError       **error);
/* `default interface`: the port's switchport settings as shipped. */
gboolean   cord_switch_port_set_defaults (CordSim       *sim,
                                          CordPort      *port,
                                          GError       **error);
gboolean   cord_switch_port_get_info     (CordSim       *sim,
                                          CordPort      *port,
                                          CordSwitchportInfo *out);
/* Whether frames of @vid may cross @port in its operational mode: its
 * access VLAN, or a VLAN its trunk allows. Line state and the VLAN
 * database are not considered. */
gboolean   cord_switch_port_allows       (CordSim       *sim,
                                          CordPort      *port,
                                          guint          vid);

/* The MAC address table. */
GArray    *cord_switch_get_mac_table     (CordSim       *sim,
                                          CordDevice    *device);
/* Forgets learned entries: all of them, or those on @port. */
void       cord_switch_clear_mac_table   (CordSim       *sim,
                                          CordDevice    *device,
                                          CordPort      *port);
void       cord_switch_clear_mac_vlan    (CordSim       *sim,
                                          CordDevice    *device,
                                          guint          vid);
void       cord_switch_clear_mac_address (CordSim       *sim,
                                          CordDevice    *device,
                                          const CordMac *mac);
gboolean   cord_switch_mac_add_static    (CordSim       *sim,
                                          CordDevice    *device,
                                          guint          vid,
                                          const CordMac *mac,
                                          CordPort      *port,
                                          GError       **error);
gboolean   cord_switch_mac_remove_static (CordSim       *sim,
                                          CordDevice    *device,
                                          guint          vid,
                                          const CordMac *mac,
                                          GError       **error);
gboolean   cord_switch_set_aging_time    (CordSim       *sim,
                                          CordDevice    *device,
                                          guint          seconds,
                                          GError       **error);
guint      cord_switch_get_aging_time    (CordSim       *sim,
                                          CordDevice    *device);

G_END_DECLS
