/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Small simulated networks for the IOS transcripts: named labs, the IOS state of a console's device, virtual time and pings. */
#pragma once

#include <string.h>
#include <check.h>

#include "cmd-interface.h"
#include "ios-device.h"
#include "ios-modules.h"
#include "ip.h"
#include "switching.h"

/* The labs, built through the core's API so that the show commands can be
 * tested before the configuration commands that would build them exist:
 *
 *   stick  R1 (1841) Fa0/0 = S1 (2960-24TT) Gig0/1, a trunk; R1 routes
 *          between Fa0/0.10 192.168.10.1/24 and Fa0/0.20 192.168.20.1/24
 *          and has static routes; S1 has VLAN 10 "Sales" (Fa0/1 = PC0
 *          192.168.10.10, Fa0/3) and VLAN 20 (Fa0/2 = PC1 192.168.20.10),
 *          and Fa0/5 shut down; S1 has a saved startup-config
 *   isr    R1 (2911) Gi0/0 192.168.1.1/24 = PC0 192.168.1.10; Gi0/1
 *          10.0.0.1/30 with no cable; Gi0/2 shut down; static routes and
 *          a default route
 *
 * Every lab settles for IOS_LAB_SETTLE_SECONDS of virtual time before the
 * console starts. */
#define IOS_LAB_SETTLE_SECONDS 30u

typedef struct {
  CordTopology  *topology;
  CordEngine    *engine;
  CordSim       *sim;
  CordIosDevice *ios;      /* the console's device */
} IosLab;

static void
ios_lab_clear (IosLab *lab)
{
  g_clear_pointer (&lab->ios, cord_ios_device_unref);
  g_clear_pointer (&lab->sim, cord_sim_free);
  g_clear_object (&lab->topology);
  g_clear_pointer (&lab->engine, cord_engine_free);
}

static guint32
ios_lab_ip (const char *text)
{
  guint32 addr = 0;

  ck_assert_msg (cord_frame_ipv4_parse (text, &addr), "bad address %s", text);
  return addr;
}

static CordDevice *
ios_lab_device (IosLab     *lab,
                const char *name)
{
  CordDevice *device = cord_topology_find_device (lab->topology, name);

  ck_assert_msg (device != NULL, "no device %s", name);
  return device;
}

static CordPort *
ios_lab_port (IosLab     *lab,
              const char *device,
              const char *name)
{
  CordPort *port = cord_device_find_port (ios_lab_device (lab, device), name);

  ck_assert_msg (port != NULL, "%s has no %s", device, name);
  return port;
}

static void
ios_lab_check (gboolean    ok,
               GError     *error,
               const char *what)
{
  ck_assert_msg (ok, "%s: %s", what, error != NULL ? error->message : "failed");
  g_clear_error (&error);
}

static void
ios_lab_add (IosLab     *lab,
             const char *model,
             const char *name)
{
  GError *error = NULL;

  ios_lab_check (cord_topology_add_device (lab->topology, model, name, 0, 0, &error) != NULL, error, name);
}

static void
ios_lab_host (IosLab     *lab,
              const char *name,
              const char *address,
              const char *gateway)
{
  GError *error = NULL;
  CordHostIp settings = { FALSE, ios_lab_ip (address), ios_lab_ip ("255.255.255.0"), ios_lab_ip (gateway), 0 };

  ios_lab_add (lab, "PC-PT", name);
  ios_lab_check (cord_topology_set_host_ip (lab->topology, ios_lab_device (lab, name), &settings, &error),
                 error, name);
}

static void
ios_lab_cable (IosLab     *lab,
               const char *a,
               const char *pa,
               const char *b,
               const char *pb)
{
  GError *error = NULL;

  ios_lab_check (cord_topology_connect (lab->topology, ios_lab_port (lab, a, pa), ios_lab_port (lab, b, pb),
                                        CORD_CABLE_AUTO, &error) != NULL, error, pa);
}

/* `interface IFNAME` (subinterfaces are created), `encapsulation dot1Q`,
 * `ip address`, `no shutdown`; @address NULL leaves the address unset. */
static void
ios_lab_router_if (IosLab     *lab,
                   const char *router,
                   const char *ifname,
                   guint       vid,
                   const char *address,
                   const char *mask)
{
  CordDevice *device = ios_lab_device (lab, router);
  GError *error = NULL;

  if (strchr (ifname, '.') != NULL)
    ios_lab_check (cord_ip_subif_add (lab->sim, device, ifname, &error), error, ifname);
  if (vid != 0)
    ios_lab_check (cord_ip_if_set_encapsulation (lab->sim, device, ifname, vid, FALSE, &error), error, ifname);
  if (address != NULL)
    ios_lab_check (cord_ip_if_set_address (lab->sim, device, ifname, ios_lab_ip (address), ios_lab_ip (mask),
                                           &error), error, ifname);
  ios_lab_check (cord_ip_if_set_shutdown (lab->sim, device, ifname, FALSE, &error), error, ifname);
}

static void
ios_lab_route (IosLab     *lab,
               const char *router,
               const char *prefix,
               const char *mask,
               const char *nexthop)
{
  GError *error = NULL;

  ios_lab_check (cord_ip_route_add (lab->sim, ios_lab_device (lab, router), ios_lab_ip (prefix), ios_lab_ip (mask),
                                    ios_lab_ip (nexthop), NULL, 0, &error), error, prefix);
}

/* The IOS state of @name's console, as the device would boot with it. */
static CordIosDevice *
ios_lab_console (IosLab     *lab,
                 const char *name)
{
  CordDevice *device = ios_lab_device (lab, name);
  const CordModelSpec *model = device->model;
  gboolean router = model->kind == CORD_KIND_ROUTER;
  CordIosDevice *ios = cord_ios_device_new (router ? CORD_IOS_PLATFORM_ROUTER : CORD_IOS_PLATFORM_SWITCH,
                                            lab->sim, device);
  const char *version = strstr (model->ios.software, "Version ");

  /* "Version 12.4(15)T1" writes "version 12.4" into the config. */
  if (version != NULL)
    {
      g_free (ios->version);
      ios->version = g_strndup (version + strlen ("Version "), strcspn (version + strlen ("Version "), "("));
    }
  ios->lookup_interface = cord_ios_interface_lookup;
  return ios;
}

/* Builds lab @name with the IOS state of @console's device, which boots
 * with the lab at virtual time 0. */
static void
ios_lab_build (IosLab     *lab,
               const char *name,
               const char *console)
{
  GError *error = NULL;

  lab->topology = cord_topology_new (cord_catalog_get_default ());
  lab->engine = cord_engine_new ();
  lab->sim = cord_sim_new (lab->topology, lab->engine);

  if (strcmp (name, "stick") == 0)
    {
      CordDevice *s1;

      ios_lab_add (lab, "1841", "R1");
      ios_lab_add (lab, "2960-24TT", "S1");
      ios_lab_host (lab, "PC0", "192.168.10.10", "192.168.10.1");
      ios_lab_host (lab, "PC1", "192.168.20.10", "192.168.20.1");
      ios_lab_cable (lab, "R1", "FastEthernet0/0", "S1", "GigabitEthernet0/1");
      ios_lab_cable (lab, "S1", "FastEthernet0/1", "PC0", "FastEthernet0");
      ios_lab_cable (lab, "S1", "FastEthernet0/2", "PC1", "FastEthernet0");
      s1 = ios_lab_device (lab, "S1");
      ios_lab_check (cord_switch_vlan_add (lab->sim, s1, 10, "Sales", &error), error, "vlan 10");
      ios_lab_check (cord_switch_vlan_add (lab->sim, s1, 20, NULL, &error), error, "vlan 20");
      ios_lab_check (cord_switch_port_set_mode (lab->sim, ios_lab_port (lab, "S1", "FastEthernet0/1"),
                                                CORD_SWITCHPORT_ACCESS, &error), error, "Fa0/1");
      ios_lab_check (cord_switch_port_set_access_vlan (lab->sim, ios_lab_port (lab, "S1", "FastEthernet0/1"),
                                                       10, NULL, &error), error, "Fa0/1");
      ios_lab_check (cord_switch_port_set_access_vlan (lab->sim, ios_lab_port (lab, "S1", "FastEthernet0/2"),
                                                       20, NULL, &error), error, "Fa0/2");
      ios_lab_check (cord_switch_port_set_access_vlan (lab->sim, ios_lab_port (lab, "S1", "FastEthernet0/3"),
                                                       10, NULL, &error), error, "Fa0/3");
      ios_lab_check (cord_switch_port_set_mode (lab->sim, ios_lab_port (lab, "S1", "GigabitEthernet0/1"),
                                                CORD_SWITCHPORT_TRUNK, &error), error, "Gig0/1");
      ios_lab_check (cord_sim_port_set_shutdown (lab->sim, ios_lab_port (lab, "S1", "FastEthernet0/5"), TRUE,
                                                 &error), error, "Fa0/5");
      ios_lab_check (cord_topology_set_config (lab->topology, s1, CORD_CONFIG_STARTUP,
                                               "!\nversion 15.0\nno service password-encryption\n!\n"
                                               "hostname S1\n!\nline con 0\n!\nend\n", &error),
                     error, "startup-config");
      ios_lab_router_if (lab, "R1", "FastEthernet0/0", 0, NULL, NULL);
      ios_lab_router_if (lab, "R1", "FastEthernet0/0.10", 10, "192.168.10.1", "255.255.255.0");
      ios_lab_router_if (lab, "R1", "FastEthernet0/0.20", 20, "192.168.20.1", "255.255.255.0");
      ios_lab_route (lab, "R1", "10.1.1.0", "255.255.255.0", "192.168.10.5");
      ios_lab_route (lab, "R1", "10.2.2.0", "255.255.255.0", "192.168.20.5");
      ios_lab_route (lab, "R1", "172.16.0.0", "255.255.0.0", "192.168.10.5");
    }
  else if (strcmp (name, "isr") == 0)
    {
      ios_lab_add (lab, "2911", "R1");
      ios_lab_host (lab, "PC0", "192.168.1.10", "192.168.1.1");
      ios_lab_cable (lab, "R1", "GigabitEthernet0/0", "PC0", "FastEthernet0");
      ios_lab_router_if (lab, "R1", "GigabitEthernet0/0", 0, "192.168.1.1", "255.255.255.0");
      ios_lab_router_if (lab, "R1", "GigabitEthernet0/1", 0, "10.0.0.1", "255.255.255.252");
      ios_lab_route (lab, "R1", "0.0.0.0", "0.0.0.0", "192.168.1.254");
      ios_lab_route (lab, "R1", "172.16.0.0", "255.255.0.0", "192.168.1.2");
      ios_lab_route (lab, "R1", "192.168.1.128", "255.255.255.128", "192.168.1.3");
    }
  else
    ck_abort_msg ("unknown lab %s", name);
  lab->ios = ios_lab_console (lab, console);
  cord_ios_clock_boot (lab->ios);
  cord_engine_run_for (lab->engine, IOS_LAB_SETTLE_SECONDS * CORD_ENGINE_NS_PER_SEC);
}

typedef struct {
  gboolean done;
  guint    received;
} IosLabPing;

static void
ios_lab_ping_done (CordPing            *ping,
                   const CordPingStats *stats,
                   gpointer             user_data)
{
  IosLabPing *state = user_data;

  state->done = TRUE;
  state->received = stats->received;
}

/* Runs a transcript directive: "run SECONDS" lets virtual time pass;
 * "ping DEVICE A.B.C.D" sends five echoes from DEVICE and waits for them. */
static void
ios_lab_step (IosLab     *lab,
              const char *directive,
              const char *where,
              guint       line)
{
  g_auto(GStrv) words = g_strsplit (directive, " ", -1);
  guint n = g_strv_length (words);

  if (n == 2 && strcmp (words[0], "run") == 0)
    cord_engine_run_for (lab->engine, (guint64) (g_ascii_strtod (words[1], NULL) * CORD_ENGINE_NS_PER_SEC));
  else if (n == 3 && strcmp (words[0], "ping") == 0)
    {
      static const CordPingCallbacks callbacks = { .done = ios_lab_ping_done };
      CordDevice *device = ios_lab_device (lab, words[1]);
      CordPingOptions options;
      IosLabPing state = { FALSE, 0 };
      GError *error = NULL;

      cord_ping_options_init (&options, CORD_PING_STYLE_IOS);
      ios_lab_check (cord_ip_ping_start (lab->sim, device, ios_lab_ip (words[2]), &options, &callbacks, &state,
                                         &error) != NULL, error, directive);
      for (guint i = 0; i < 600 && !state.done; i++)
        cord_engine_run_for (lab->engine, CORD_ENGINE_NS_PER_SEC);
      ck_assert_msg (state.done, "%s:%u: %s never finished", where, line, directive);
      ck_assert_msg (state.received > 0, "%s:%u: %s got no reply", where, line, directive);
    }
  else
    ck_abort_msg ("%s:%u: unknown directive @%s", where, line, directive);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IosLab, ios_lab_clear)
