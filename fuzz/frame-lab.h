/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The small lab the frame-input fuzz target and its corpus generator share: a switch, two routers, a hub and a PC, configured. */
#pragma once

#include <stdio.h>
#include <stdlib.h>

#include "ip.h"
#include "lab.h"
#include "sim.h"
#include "switching.h"

/* The ports fuzzed frames arrive on, in the order the frames of an input
 * take them. */
typedef enum {
  FUZZ_PORT_SWITCH,        /* S1 Fa0/1, a trunk: as if R1 had sent it */
  FUZZ_PORT_ROUTER,        /* R1 Fa0/0, with subinterface .10: as if from S1 */
  FUZZ_PORT_PC,            /* PC0 Fa0: as if from the hub */
  FUZZ_PORT_SERIAL,        /* R1 Se0/0/0, Cisco HDLC: as if from R2 */
  FUZZ_N_PORTS,
} FuzzPort;

#define FUZZ_VLAN          10u
#define FUZZ_R1_FA00       0x0a000001u   /* 10.0.0.1/24 */
#define FUZZ_R1_FA00_10    0x0a000a01u   /* 10.0.10.1/24 */
#define FUZZ_PC0           0x0a000a02u   /* 10.0.10.2/24 */
#define FUZZ_R1_SE         0x0a000c01u   /* 10.0.12.1/30 */
#define FUZZ_R2_SE         0x0a000c02u   /* 10.0.12.2/30 */
#define FUZZ_MASK_24       0xffffff00u
#define FUZZ_MASK_30       0xfffffffcu

/* Set-up failures are bugs of the target, not findings: say so and stop. */
static inline void
fuzz_lab_check (gboolean    ok,
                GError     *error,
                const char *what)
{
  if (ok)
    return;
  fprintf (stderr, "fuzz lab: %s: %s\n", what, error ? error->message : "failed");
  abort ();
}

static inline CordDevice *
fuzz_lab_add (CordTopology *topology,
              const char   *model,
              const char   *name,
              const char   *wic_slot)
{
  g_autoptr(GError) error = NULL;
  CordDevice *device = cord_topology_add_device (topology, model, name, 0, 0, &error);

  fuzz_lab_check (device != NULL, error, name);
  if (wic_slot != NULL)
    {
      fuzz_lab_check (cord_topology_set_power (topology, device, FALSE, &error), error, name);
      fuzz_lab_check (cord_topology_insert_module (topology, device, wic_slot, "WIC-2T", &error),
                      error, name);
      fuzz_lab_check (cord_topology_set_power (topology, device, TRUE, &error), error, name);
    }
  return device;
}

static inline void
fuzz_lab_link (CordTopology *topology,
               const char   *a,
               const char   *pa,
               const char   *b,
               const char   *pb,
               CordCable     cable)
{
  g_autoptr(GError) error = NULL;
  CordPort *port_a = cord_device_find_port (cord_topology_find_device (topology, a), pa);
  CordPort *port_b = cord_device_find_port (cord_topology_find_device (topology, b), pb);

  fuzz_lab_check (port_a != NULL && port_b != NULL, NULL, pa);
  fuzz_lab_check (cord_topology_connect (topology, port_a, port_b, cable, &error) != NULL,
                  error, pa);
}

/*   R2 Se0/0/0 ── Se0/0/0 R1 Fa0/0 ══ Fa0/1 S1 Fa0/2 ── Fa0 Hub0 Fa1 ── Fa0 PC0
 *                              (trunk)          (VLAN 10)                        */
static inline CordTopology *
fuzz_lab_topology_new (void)
{
  CordTopology *topology = cord_topology_new (cord_catalog_get_default ());
  g_autoptr(GError) error = NULL;
  CordHostIp ip = { FALSE, FUZZ_PC0, FUZZ_MASK_24, FUZZ_R1_FA00_10, 0 };
  CordDevice *pc;

  fuzz_lab_add (topology, "2960-24TT", "S1", NULL);
  fuzz_lab_add (topology, "1841", "R1", "0/0");
  fuzz_lab_add (topology, "1841", "R2", "0/0");
  fuzz_lab_add (topology, "Hub-PT", "Hub0", NULL);
  pc = fuzz_lab_add (topology, "PC-PT", "PC0", NULL);
  fuzz_lab_check (cord_topology_set_host_ip (topology, pc, &ip, &error), error, "PC0 IP");

  fuzz_lab_link (topology, "R1", "FastEthernet0/0", "S1", "FastEthernet0/1", CORD_CABLE_AUTO);
  fuzz_lab_link (topology, "S1", "FastEthernet0/2", "Hub0", "FastEthernet0", CORD_CABLE_AUTO);
  fuzz_lab_link (topology, "Hub0", "FastEthernet1", "PC0", "FastEthernet0", CORD_CABLE_AUTO);
  fuzz_lab_link (topology, "R1", "Serial0/0/0", "R2", "Serial0/0/0", CORD_CABLE_SERIAL_DCE);
  cord_topology_clear_history (topology);
  return topology;
}

static inline void
fuzz_lab_if (CordSim    *sim,
             CordDevice *device,
             const char *ifname,
             guint32     address,
             guint32     mask)
{
  g_autoptr(GError) error = NULL;

  fuzz_lab_check (cord_ip_if_set_address (sim, device, ifname, address, mask, &error),
                  error, ifname);
  fuzz_lab_check (cord_ip_if_set_shutdown (sim, device, ifname, FALSE, &error), error, ifname);
}

/* What the IOS configuration would say, applied through the API:
 * S1: vlan 10; Fa0/1 trunk; Fa0/2 access VLAN 10.
 * R1: Fa0/0 10.0.0.1/24, Fa0/0.10 dot1Q 10 10.0.10.1/24, Se0/0/0 10.0.12.1/30.
 * R2: Se0/0/0 10.0.12.2/30, ip route 10.0.0.0 255.255.0.0 10.0.12.1. */
static inline void
fuzz_lab_configure (CordSim *sim)
{
  CordTopology *topology = cord_sim_get_topology (sim);
  CordDevice *s1 = cord_topology_find_device (topology, "S1");
  CordDevice *r1 = cord_topology_find_device (topology, "R1");
  CordDevice *r2 = cord_topology_find_device (topology, "R2");
  g_autoptr(GError) error = NULL;

  fuzz_lab_check (cord_switch_vlan_add (sim, s1, FUZZ_VLAN, NULL, &error), error, "vlan 10");
  fuzz_lab_check (cord_switch_port_set_mode (sim, cord_device_find_port (s1, "FastEthernet0/1"),
                                             CORD_SWITCHPORT_TRUNK, &error), error, "trunk");
  fuzz_lab_check (cord_switch_port_set_access_vlan (sim, cord_device_find_port (s1, "FastEthernet0/2"),
                                                    FUZZ_VLAN, NULL, &error), error, "access");

  fuzz_lab_if (sim, r1, "FastEthernet0/0", FUZZ_R1_FA00, FUZZ_MASK_24);
  fuzz_lab_check (cord_ip_subif_add (sim, r1, "FastEthernet0/0.10", &error), error, "subif");
  fuzz_lab_check (cord_ip_if_set_encapsulation (sim, r1, "FastEthernet0/0.10", FUZZ_VLAN, FALSE,
                                                &error), error, "dot1Q");
  fuzz_lab_if (sim, r1, "FastEthernet0/0.10", FUZZ_R1_FA00_10, FUZZ_MASK_24);
  fuzz_lab_if (sim, r1, "Serial0/0/0", FUZZ_R1_SE, FUZZ_MASK_30);
  fuzz_lab_if (sim, r2, "Serial0/0/0", FUZZ_R2_SE, FUZZ_MASK_30);
  fuzz_lab_check (cord_ip_route_add (sim, r2, 0x0a000000u, 0xffff0000u, FUZZ_R1_SE, NULL, 0,
                                     &error), error, "route");
}

static inline CordPort *
fuzz_lab_port (CordTopology *topology,
               FuzzPort      which)
{
  static const struct { const char *device, *port; } ports[FUZZ_N_PORTS] = {
    [FUZZ_PORT_SWITCH] = { "S1", "FastEthernet0/1" },
    [FUZZ_PORT_ROUTER] = { "R1", "FastEthernet0/0" },
    [FUZZ_PORT_PC] = { "PC0", "FastEthernet0" },
    [FUZZ_PORT_SERIAL] = { "R1", "Serial0/0/0" },
  };
  CordPort *port = cord_device_find_port (cord_topology_find_device (topology, ports[which].device),
                                          ports[which].port);

  fuzz_lab_check (port != NULL, NULL, ports[which].port);
  return port;
}
