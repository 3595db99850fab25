/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the interface, switching and routing command tables keep per device, for show commands and the consoles to read. */
#pragma once

#include <glib.h>

#include "ios-device.h"
#include "ios-state.h"

G_BEGIN_DECLS

/* An `interface VlanN` (switch virtual interface). Its address and
 * state are kept here, not simulated: an SVI carries no traffic yet. */
typedef struct {
  guint16   vid;
  guint32   address;      /* 0: no ip address */
  guint32   mask;
  gboolean  admin_up;     /* FALSE after `shutdown` (Vlan1 starts shut) */
  gboolean  line_up;      /* up, its VLAN exists and a port in it is up */
  char     *description;  /* NULL when none */
} CordIosSviInfo;

/* The SVIs of @ios's device by VLAN, as `show ip interface brief` lists
 * them after the ports; empty for a device without them. Free with
 * g_array_unref(). */
GArray        *cord_ios_list_svis             (CordIosDevice  *ios);
gboolean       cord_ios_get_svi               (CordIosDevice  *ios,
                                               guint           vid,
                                               CordIosSviInfo *info);
void           cord_ios_svi_info_clear        (CordIosSviInfo *info);

/* What `description`, `speed` and `duplex` set on the interface named
 * @ifname in full ("FastEthernet0/1", "FastEthernet0/0.10", "Vlan1"). */
const char    *cord_ios_interface_get_description (CordIosDevice *ios,
                                               const char     *ifname);
/* 10, 100 or 1000 Mbit/s, or 0 for `speed auto`. */
guint          cord_ios_interface_get_speed   (CordIosDevice  *ios,
                                               const char     *ifname);
CordIosDuplex  cord_ios_interface_get_duplex  (CordIosDevice  *ios,
                                               const char     *ifname);
/* A 3560 port after `no switchport`: kept, not simulated yet. */
gboolean       cord_ios_interface_is_routed   (CordIosDevice  *ios,
                                               const char     *ifname);

/* `ip default-gateway` (switches), 0 when unset; `ip routing` (3560). */
guint32        cord_ios_get_default_gateway   (CordIosDevice  *ios);
gboolean       cord_ios_get_ip_routing        (CordIosDevice  *ios);

/* A CordIosInterfaceLookup for CordIosDevice.lookup_interface: finds the
 * port, subinterface or SVI @name stands for on @ios's device and returns
 * its full name as an interned string, or NULL when there is none. */
gpointer       cord_ios_interface_lookup      (CordIosDevice  *ios,
                                               const char     *name,
                                               gpointer        user_data);

/* IOS boots a device that has a config with every interface enabled,
 * then reads the config, whose `shutdown` lines shut the interfaces that
 * were shut (a router ships with its ports shut only because it ships
 * with no config). Call this before replaying a saved config into a
 * freshly booted @ios; it logs nothing. */
void           cord_ios_interfaces_enable_all (CordIosDevice  *ios);

/* Tells IOS that the line protocol of @port (a port of @ios's device)
 * went @up; call it from the sim's port hook (cord_sim_set_port_hook()).
 * Returns the log messages IOS prints about it, oldest first, for the
 * device's consoles (cord_ios_session_log()): the port's %LINK and
 * %LINEPROTO lines, its subinterfaces' and the SVIs' that follow. Empty
 * while a command typed on the device makes the change, as the command
 * logs it itself. Free with g_strfreev(). */
char         **cord_ios_port_changed          (CordIosDevice  *ios,
                                               CordPort       *port,
                                               gboolean        up);

G_END_DECLS
