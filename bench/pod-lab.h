/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The benchmarks' lab generator: pods of a router, three 2960s and sixteen PCs with realistic configs, joined in rings. */
#pragma once

#include <gio/gio.h>

#include "catalog.h"
#include "topology.h"

#define PCS_PER_POD     16u
#define DEVICES_PER_POD (4u + PCS_PER_POD)
#define LINKS_PER_POD   40u

/* Where a pod's devices go, relative to its corner: the benchmarks draw
 * their labs at different densities. */
typedef struct {
  guint  pods_per_row;
  double pitch_x, pitch_y;
  double router_x;               /* the router and the access switch */
  double dist_a_x, dist_b_x, dist_y;
  double access_y;
  double pc_x, pc_y, pc_dx, pc_dy;
  guint  pcs_per_row;
} PodLayout;

typedef struct {
  CordDevice *router;
  CordDevice *dist_a;
  CordDevice *dist_b;
  CordDevice *access;
  CordDevice *pcs[PCS_PER_POD];
} Pod;

/* Building the lab. */

static guint32
ipv4 (guint a,
      guint b,
      guint c,
      guint d)
{
  return (guint32) a << 24 | (guint32) b << 16 | (guint32) c << 8 | (guint32) d;
}

/* Pods are numbered from 1 in names and addresses: pod 7 owns 10.7.0.0/16. */
static char *
router_config (guint       pod,
               const char *model,
               gboolean    running)
{
  gboolean gigabit = strcmp (model, "1941") == 0;
  const char *type = gigabit ? "GigabitEthernet" : "FastEthernet";
  GString *s = g_string_new (NULL);

  g_string_append_printf (s,
    "!\n"
    "version %s\n"
    "no service timestamps log datetime msec\n"
    "no service password-encryption\n"
    "!\n"
    "hostname P%03u-R1\n"
    "!\n"
    "enable secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0\n"
    "!\n"
    "interface %s0/0\n"
    " description users via P%03u-DSW-A\n"
    " ip address 10.%u.10.1 255.255.255.0\n"
    " duplex auto\n"
    " speed auto\n"
    "!\n"
    "interface %s0/1\n"
    " description uplink via P%03u-DSW-B\n"
    " ip address 10.%u.20.1 255.255.255.0\n"
    " duplex auto\n"
    " speed auto\n"
    "!\n"
    "router ospf 1\n"
    " network 10.%u.0.0 0.0.255.255 area 0\n"
    "!\n"
    "ip classless\n",
    gigabit ? "15.1" : "12.4", pod, type, pod, pod, type, pod, pod, pod);
  /* An unsaved change, as a lab in progress has. */
  if (running)
    g_string_append (s, "ntp server 10.0.0.123\n");
  g_string_append (s,
    "!\n"
    "line con 0\n"
    "line aux 0\n"
    "line vty 0 4\n"
    " login\n"
    "!\n"
    "end\n");
  return g_string_free (s, FALSE);
}

static char *
switch_config (guint       pod,
               const char *role,
               guint       host,
               gboolean    running)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s,
    "!\n"
    "version 15.0\n"
    "no service timestamps log datetime msec\n"
    "!\n"
    "hostname P%03u-%s\n"
    "!\n"
    "spanning-tree mode pvst\n"
    "spanning-tree extend system-id\n"
    "!\n"
    "interface FastEthernet0/1\n"
    " switchport access vlan 10\n"
    " switchport mode access\n"
    " spanning-tree portfast\n"
    "!\n"
    "interface GigabitEthernet0/1\n"
    " switchport mode trunk\n"
    "!\n"
    "interface GigabitEthernet0/2\n"
    " switchport mode trunk\n"
    "!\n"
    "interface Vlan1\n"
    " ip address 10.%u.10.%u 255.255.255.0\n"
    "!\n"
    "ip default-gateway 10.%u.10.1\n",
    pod, role, pod, host, pod);
  if (running)
    g_string_append (s, "ntp server 10.0.0.123\n");
  g_string_append (s,
    "!\n"
    "line con 0\n"
    "!\n"
    "line vty 0 4\n"
    " login\n"
    "!\n"
    "end\n");
  return g_string_free (s, FALSE);
}

static gboolean
set_configs (CordTopology  *topology,
             CordDevice    *device,
             char          *startup,
             char          *running,
             GError       **error)
{
  g_autofree char *owned_startup = startup;
  g_autofree char *owned_running = running;

  return cord_topology_set_config (topology, device, CORD_CONFIG_STARTUP, owned_startup, error) &&
         cord_topology_set_config (topology, device, CORD_CONFIG_RUNNING, owned_running, error);
}

static CordDevice *
add_switch (CordTopology  *topology,
            guint          pod,
            const char    *role,
            guint          host,
            double         x,
            double         y,
            GError       **error)
{
  g_autofree char *name = g_strdup_printf ("P%03u-%s", pod, role);
  CordDevice *device = cord_topology_add_device (topology, "2960-24TT", name, x, y, error);

  if (device == NULL ||
      !set_configs (topology, device, switch_config (pod, role, host, FALSE),
                    switch_config (pod, role, host, TRUE), error))
    return NULL;
  return device;
}

static gboolean
add_pod_devices (CordTopology     *topology,
                 const PodLayout  *layout,
                 guint             index,
                 Pod              *pod,
                 GError          **error)
{
  guint n = index + 1;
  const char *router_model = index % 2 == 0 ? "2811" : "1941";
  double ox = (index % layout->pods_per_row) * layout->pitch_x;
  double oy = (index / layout->pods_per_row) * layout->pitch_y;
  g_autofree char *router_name = g_strdup_printf ("P%03u-R1", n);

  pod->router = cord_topology_add_device (topology, router_model, router_name,
                                          ox + layout->router_x, oy, error);
  if (pod->router == NULL ||
      !set_configs (topology, pod->router, router_config (n, router_model, FALSE),
                    router_config (n, router_model, TRUE), error))
    return FALSE;
  if ((pod->dist_a = add_switch (topology, n, "DSW-A", 2, ox + layout->dist_a_x,
                                 oy + layout->dist_y, error)) == NULL ||
      (pod->dist_b = add_switch (topology, n, "DSW-B", 3, ox + layout->dist_b_x,
                                 oy + layout->dist_y, error)) == NULL ||
      (pod->access = add_switch (topology, n, "ASW", 4, ox + layout->router_x,
                                 oy + layout->access_y, error)) == NULL)
    return FALSE;

  for (guint k = 0; k < PCS_PER_POD; k++)
    {
      g_autofree char *name = g_strdup_printf ("P%03u-PC%02u", n, k + 1);
      CordHostIp ip = { 0 };

      pod->pcs[k] = cord_topology_add_device (topology, "PC-PT", name,
                                              ox + layout->pc_x + (k % layout->pcs_per_row) * layout->pc_dx,
                                              oy + layout->pc_y + (k / layout->pcs_per_row) * layout->pc_dy,
                                              error);
      if (pod->pcs[k] == NULL)
        return FALSE;
      /* One PC per pod asks DHCP; the others are set by hand. */
      if (k == PCS_PER_POD - 1)
        ip.dhcp = TRUE;
      else
        {
          ip.address = ipv4 (10, n, 10, 11 + k);
          ip.mask = ipv4 (255, 255, 255, 0);
          ip.gateway = ipv4 (10, n, 10, 1);
          ip.dns = ipv4 (10, 0, 0, 53);
        }
      if (!cord_topology_set_host_ip (topology, pod->pcs[k], &ip, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
join (CordTopology  *topology,
      CordDevice    *a,
      const char    *port_a,
      CordDevice    *b,
      const char    *port_b,
      GError       **error)
{
  CordPort *pa = cord_device_find_port (a, port_a);
  CordPort *pb = cord_device_find_port (b, port_b);

  if (pa == NULL || pb == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s has no port %s",
                   pa == NULL ? a->name : b->name, pa == NULL ? port_a : port_b);
      return FALSE;
    }
  return cord_topology_connect (topology, pa, pb, CORD_CABLE_AUTO, error) != NULL;
}

static gboolean
join_fa (CordTopology  *topology,
         CordDevice    *a,
         guint          port_a,
         CordDevice    *b,
         guint          port_b,
         GError       **error)
{
  char name_a[32], name_b[32];

  g_snprintf (name_a, sizeof name_a, "FastEthernet0/%u", port_a);
  g_snprintf (name_b, sizeof name_b, "FastEthernet0/%u", port_b);
  return join (topology, a, name_a, b, name_b, error);
}

/* The 40 links of one pod: 38 inside it and 2 to the next pod. */
static gboolean
add_pod_links (CordTopology  *topology,
               const Pod     *pod,
               const Pod     *next,
               GError       **error)
{
  gboolean gigabit = strcmp (pod->router->model->name, "1941") == 0;
  const char *r0 = gigabit ? "GigabitEthernet0/0" : "FastEthernet0/0";
  const char *r1 = gigabit ? "GigabitEthernet0/1" : "FastEthernet0/1";

  /* Sixteen PCs on the access switch. */
  for (guint k = 0; k < PCS_PER_POD; k++)
    {
      char port[32];

      g_snprintf (port, sizeof port, "FastEthernet0/%u", k + 1);
      if (!join (topology, pod->pcs[k], "FastEthernet0", pod->access, port, error))
        return FALSE;
    }
  /* Console cables from the first five PCs. */
  if (!join (topology, pod->pcs[0], "RS 232", pod->access, "Console", error) ||
      !join (topology, pod->pcs[1], "RS 232", pod->dist_a, "Console", error) ||
      !join (topology, pod->pcs[2], "RS 232", pod->dist_b, "Console", error) ||
      !join (topology, pod->pcs[3], "RS 232", pod->router, "Console", error) ||
      !join (topology, pod->pcs[4], "RS 232", pod->router, "Auxiliary", error))
    return FALSE;
  /* Gigabit uplinks from the access switch, plus four FastEthernet
   * links to each distribution switch. */
  if (!join (topology, pod->access, "GigabitEthernet0/1", pod->dist_a, "GigabitEthernet0/1", error) ||
      !join (topology, pod->access, "GigabitEthernet0/2", pod->dist_b, "GigabitEthernet0/1", error))
    return FALSE;
  for (guint i = 0; i < 4; i++)
    if (!join_fa (topology, pod->access, 17 + i, pod->dist_a, 2 + i, error) ||
        !join_fa (topology, pod->access, 21 + i, pod->dist_b, 2 + i, error))
      return FALSE;
  /* The router hangs off both distribution switches. */
  if (!join (topology, pod->router, r0, pod->dist_a, "FastEthernet0/1", error) ||
      !join (topology, pod->router, r1, pod->dist_b, "FastEthernet0/1", error))
    return FALSE;
  /* A five-link bundle between the distribution pair. */
  for (guint i = 20; i <= 24; i++)
    if (!join_fa (topology, pod->dist_a, i, pod->dist_b, i, error))
      return FALSE;
  /* Two rings through all pods. */
  return join (topology, pod->dist_a, "GigabitEthernet0/2", next->dist_b, "GigabitEthernet0/2", error) &&
         join_fa (topology, pod->dist_a, 6, next->dist_a, 7, error);
}

static CordTopology *
build_lab (CordCatalog      *catalog,
           guint             n_pods,
           const PodLayout  *layout,
           GError          **error)
{
  g_autoptr(CordTopology) topology = cord_topology_new (catalog);
  g_autofree Pod *pods = g_new0 (Pod, n_pods);

  for (guint i = 0; i < n_pods; i++)
    if (!add_pod_devices (topology, layout, i, &pods[i], error))
      return NULL;
  for (guint i = 0; i < n_pods; i++)
    if (!add_pod_links (topology, &pods[i], &pods[(i + 1) % n_pods], error))
      return NULL;

  if (cord_topology_get_n_devices (topology) != n_pods * DEVICES_PER_POD ||
      cord_topology_get_n_links (topology) != n_pods * LINKS_PER_POD)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "built %u devices and %u links, not %u and %u",
                   cord_topology_get_n_devices (topology),
                   cord_topology_get_n_links (topology),
                   n_pods * DEVICES_PER_POD, n_pods * LINKS_PER_POD);
      return NULL;
    }
  /* The undo history of every edit that built it is not part of the lab. */
  cord_topology_clear_history (topology);
  return g_steal_pointer (&topology);
}
