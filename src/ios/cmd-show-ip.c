/* SPDX-License-Identifier: GPL-3.0-or-later */
/* show ip interface brief, show interfaces, show ip route and show arp, in Packet Tracer's layouts. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cmd-show-private.h"
#include "ios-modules.h"
#include "ios-strings.h"
#include "ip.h"

/* --- show ip interface brief --------------------------------------------- */

static const char *
if_status (const _CordShowIf *iface)
{
  if (!iface->admin_up)
    return "administratively down";
  /* A VLAN interface is up once enabled; its line needs a port. */
  if (iface->kind == _CORD_SHOW_IF_VIRTUAL || iface->line_up)
    return "up";
  return "down";
}

static void
cmd_show_ip_brief (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  g_autoptr(GPtrArray) ifs = _cord_show_list_ifs (ios);
  g_autoptr(GString) text = g_string_new (NULL);

  /* Packet Tracer ends every line with a space, but trims the last. */
  g_string_append (text, "Interface              IP-Address      OK? Method Status                Protocol \n");
  for (guint i = 0; i < ifs->len; i++)
    {
      const _CordShowIf *iface = ifs->pdata[i];
      g_autofree char *address = iface->address != 0 ? _cord_show_ipv4 (iface->address)
                                                      : g_strdup ("unassigned");
      /* Switches say "manual" even where nothing was configured. */
      const char *method = iface->address != 0 || ios->platform == CORD_IOS_PLATFORM_SWITCH
                           ? "manual" : "unset";

      g_string_append_printf (text, "%-22s %-15s YES %-6s %-21s %s \n", iface->name, address, method,
                              if_status (iface), iface->line_up ? "up" : "down");
    }
  _cord_show_print_trimmed (exec, text);
}

/* --- show interfaces ------------------------------------------------------- */

/* Nominal bandwidth of a port type in kbit/s, as the BW field prints it. */
static guint
type_kbits (const char *name)
{
  if (g_str_has_prefix (name, "GigabitEthernet"))
    return 1000000;
  if (g_str_has_prefix (name, "FastEthernet"))
    return 100000;
  if (g_str_has_prefix (name, "Ethernet"))
    return 10000;
  if (g_str_has_prefix (name, "Serial"))
    return 1544;
  return 100000;
}

static void
print_state_line (GString           *out,
                  const _CordShowIf *iface)
{
  const char *state = !iface->admin_up ? "administratively down" : iface->line_up ? "up" : "down";
  const char *why = !iface->admin_up ? "disabled" : iface->line_up ? "connected" : "notconnect";

  g_string_append_printf (out, "%s is %s, line protocol is %s", iface->name, state,
                          iface->line_up ? "up" : "down");
  /* Packet Tracer adds the port status to ports and subinterfaces only. */
  if (iface->kind == _CORD_SHOW_IF_VIRTUAL)
    g_string_append_c (out, '\n');
  else
    g_string_append_printf (out, " (%s)\n", why);
}

static void
print_hardware (GString           *out,
                const char        *hardware,
                const _CordShowIf *iface)
{
  g_autofree char *address = _cord_show_mac (iface->mac, FALSE);
  g_autofree char *bia = _cord_show_mac (iface->bia != 0 ? iface->bia : iface->mac, FALSE);

  g_string_append_printf (out, "  Hardware is %s, address is %s (bia %s)\n", hardware, address, bia);
}

static void
print_description (GString       *out,
                   CordIosDevice *ios,
                   const char    *name)
{
  const char *description = cord_ios_interface_get_description (ios, name);

  if (description != NULL)
    g_string_append_printf (out, "  Description: %s\n", description);
}

static void
print_internet (GString           *out,
                const _CordShowIf *iface)
{
  g_autofree char *address = NULL;

  if (iface->address == 0)
    return;
  address = _cord_show_ipv4 (iface->address);
  g_string_append_printf (out, "  Internet address is %s/%u\n", address, _cord_show_mask_len (iface->mask));
}

/* "Full-duplex, 100Mb/s": the configured values, else what the link
 * negotiated; Packet Tracer shows 100Mb/s on Ethernet ports that have
 * no link, even Gigabit ones. */
static char *
duplex_speed (CordIosDevice     *ios,
              const _CordShowIf *iface)
{
  guint speed = cord_ios_interface_get_speed (ios, iface->name);
  CordIosDuplex duplex = cord_ios_interface_get_duplex (ios, iface->name);

  if (speed == 0 && iface->port != NULL && iface->port->link != NULL)
    speed = (guint) (cord_sim_port_get_bandwidth (ios->sim, iface->port) / 1000000);
  if (speed == 0)
    speed = g_str_has_prefix (iface->name, "Ethernet") ? 10 : 100;
  return g_strdup_printf ("%s, %uMb/s", duplex == CORD_IOS_DUPLEX_HALF ? "Half-duplex" : "Full-duplex", speed);
}

static const CordPortCounters *
counters_of (CordIosDevice     *ios,
             const _CordShowIf *iface)
{
  static const CordPortCounters none;

  if (iface->kind == _CORD_SHOW_IF_PORT && iface->port != NULL)
    return cord_sim_port_get_counters (ios->sim, iface->port);
  return &none;
}

/* The lines every Ethernet port prints after its "ARP type" line. Times
 * and reset counts are the constants Packet Tracer always shows. */
static void
print_ethernet_tail (GString                *out,
                     const CordPortCounters *c,
                     gboolean                switchport,
                     gboolean                gigabit)
{
  g_string_append (out, "  Last input 00:00:08, output 00:00:05, output hang never\n"
                        "  Last clearing of \"show interface\" counters never\n");
  if (switchport)
    g_string_append_printf (out, "  Input queue: 0/75/%" G_GUINT64_FORMAT "/0 (size/max/drops/flushes); "
                            "Total output drops: %" G_GUINT64_FORMAT "\n", c->in_drops, c->out_drops);
  else
    g_string_append_printf (out, "  Input queue: 0/75/%" G_GUINT64_FORMAT " (size/max/drops); "
                            "Total output drops: %" G_GUINT64_FORMAT "\n", c->in_drops, c->out_drops);
  g_string_append (out, "  Queueing strategy: fifo\n"
                        "  Output queue :0/40 (size/max)\n"
                        "  5 minute input rate 0 bits/sec, 0 packets/sec\n"
                        "  5 minute output rate 0 bits/sec, 0 packets/sec\n");
  g_string_append_printf (out, "     %" G_GUINT64_FORMAT " packets input, %" G_GUINT64_FORMAT " bytes, 0 no buffer\n",
                          c->in_packets, c->in_bytes);
  /* Packet Tracer's switch ports count every input frame as a broadcast. */
  g_string_append_printf (out, "     Received %" G_GUINT64_FORMAT " broadcasts, 0 runts, 0 giants, 0 throttles\n",
                          switchport ? c->in_packets : 0);
  g_string_append_printf (out, "     %" G_GUINT64_FORMAT " input errors, 0 CRC, 0 frame, 0 overrun, 0 ignored, 0 abort\n",
                          c->in_errors);
  if (switchport || gigabit)
    g_string_append (out, "     0 watchdog, 0 multicast, 0 pause input\n");
  g_string_append (out, "     0 input packets with dribble condition detected\n");
  g_string_append_printf (out, "     %" G_GUINT64_FORMAT " packets output, %" G_GUINT64_FORMAT " bytes, 0 underruns\n",
                          c->out_packets, c->out_bytes);
  g_string_append_printf (out, "     0 output errors, 0 collisions, %u interface resets\n",
                          switchport ? 10 : gigabit ? 2 : 1);
  if (gigabit && !switchport)
    g_string_append (out, "     0 unknown protocol drops\n");
  g_string_append (out, "     0 babbles, 0 late collision, 0 deferred\n"
                        "     0 lost carrier, 0 no carrier\n"
                        "     0 output buffer failures, 0 output buffers swapped out\n");
}

static void
print_switchport (GString           *out,
                  CordIosDevice     *ios,
                  const _CordShowIf *iface)
{
  gboolean gigabit = g_str_has_prefix (iface->name, "GigabitEthernet");
  g_autofree char *link = duplex_speed (ios, iface);

  print_state_line (out, iface);
  print_hardware (out, "Lance", iface);
  print_description (out, ios, iface->name);
  /* Packet Tracer's switch ports have no MTU and a one-space indent here. */
  g_string_append_printf (out, " BW %u Kbit, DLY %u usec,\n", type_kbits (iface->name), gigabit ? 10 : 1000);
  g_string_append (out, "     reliability 255/255, txload 1/255, rxload 1/255\n"
                        "  Encapsulation ARPA, loopback not set\n"
                        "  Keepalive set (10 sec)\n");
  g_string_append_printf (out, "  %s\n", link);
  g_string_append (out, "  input flow-control is off, output flow-control is off\n"
                        "  ARP type: ARPA, ARP Timeout 04:00:00\n");
  print_ethernet_tail (out, counters_of (ios, iface), TRUE, gigabit);
  g_string_append_c (out, '\n');
}

static void
print_routed_ethernet (GString           *out,
                       CordIosDevice     *ios,
                       const _CordShowIf *iface)
{
  gboolean gigabit = g_str_has_prefix (iface->name, "GigabitEthernet");
  g_autofree char *link = duplex_speed (ios, iface);

  print_state_line (out, iface);
  print_hardware (out, gigabit ? "CN Gigabit Ethernet" : "Lance", iface);
  print_description (out, ios, iface->name);
  print_internet (out, iface);
  g_string_append_printf (out, "  MTU 1500 bytes, BW %u Kbit, DLY %u usec,\n", type_kbits (iface->name),
                          gigabit ? 10 : 100);
  g_string_append (out, "     reliability 255/255, txload 1/255, rxload 1/255\n"
                        "  Encapsulation ARPA, loopback not set\n");
  if (gigabit)
    g_string_append (out, "  Keepalive set (10 sec)\n");
  g_string_append_printf (out, "  %s, media type is RJ45\n", link);
  if (gigabit)
    g_string_append (out, "  output flow-control is unsupported, input flow-control is unsupported\n");
  g_string_append (out, "  ARP type: ARPA, ARP Timeout 04:00:00, \n");
  print_ethernet_tail (out, counters_of (ios, iface), FALSE, gigabit);
  /* Only the Gigabit ports' block ends with an empty line. */
  if (gigabit)
    g_string_append_c (out, '\n');
}

static void
print_serial (GString           *out,
              CordIosDevice     *ios,
              const _CordShowIf *iface)
{
  const CordPortCounters *c = counters_of (ios, iface);

  print_state_line (out, iface);
  g_string_append (out, "  Hardware is HD64570\n");
  print_description (out, ios, iface->name);
  print_internet (out, iface);
  g_string_append (out, "  MTU 1500 bytes, BW 1544 Kbit, DLY 20000 usec,\n"
                        "     reliability 255/255, txload 1/255, rxload 1/255\n"
                        "  Encapsulation HDLC, loopback not set, keepalive set (10 sec)\n"
                        "  Last input never, output never, output hang never\n"
                        "  Last clearing of \"show interface\" counters never\n");
  g_string_append_printf (out, "  Input queue: 0/75/%" G_GUINT64_FORMAT " (size/max/drops); "
                          "Total output drops: %" G_GUINT64_FORMAT "\n", c->in_drops, c->out_drops);
  g_string_append (out, "  Queueing strategy: weighted fair\n"
                        "  Output queue: 0/1000/64/0 (size/max total/threshold/drops)\n"
                        "     Conversations  0/0/256 (active/max active/max total)\n"
                        "     Reserved Conversations 0/0 (allocated/max allocated)\n"
                        "     Available Bandwidth 1158 kilobits/sec\n"
                        "  5 minute input rate 0 bits/sec, 0 packets/sec\n"
                        "  5 minute output rate 0 bits/sec, 0 packets/sec\n");
  g_string_append_printf (out, "     %" G_GUINT64_FORMAT " packets input, %" G_GUINT64_FORMAT " bytes, 0 no buffer\n",
                          c->in_packets, c->in_bytes);
  g_string_append_printf (out, "     Received 0 broadcasts, 0 runts, 0 giants, 0 throttles\n"
                          "     %" G_GUINT64_FORMAT " input errors, 0 CRC, 0 frame, 0 overrun, 0 ignored, 0 abort\n",
                          c->in_errors);
  g_string_append_printf (out, "     %" G_GUINT64_FORMAT " packets output, %" G_GUINT64_FORMAT " bytes, 0 underruns\n",
                          c->out_packets, c->out_bytes);
  g_string_append (out, "     0 output errors, 0 collisions, 1 interface resets\n"
                        "     0 output buffer failures, 0 output buffers swapped out\n"
                        "     0 carrier transitions\n");
  if (iface->line_up)
    g_string_append (out, "     DCD=up  DSR=up  DTR=up  RTS=up  CTS=up\n");
  else
    g_string_append (out, "     DCD=down  DSR=down  DTR=down  RTS=down  CTS=down\n");
}

static void
print_subif (GString           *out,
             CordIosDevice     *ios,
             const _CordShowIf *iface)
{
  print_state_line (out, iface);
  print_hardware (out, "PQUICC_FEC", iface);
  print_description (out, ios, iface->name);
  print_internet (out, iface);
  /* Packet Tracer prints a FastEthernet's figures whatever the parent. */
  g_string_append (out, "  MTU 1500 bytes, BW 100000 Kbit, DLY 100 usec, \n"
                        "     reliability 255/255, txload 1/255, rxload 1/255\n");
  if (iface->vid != 0)
    g_string_append_printf (out, "  Encapsulation 802.1Q Virtual LAN, Vlan ID %u\n", iface->vid);
  else
    g_string_append (out, "  Encapsulation ARPA, loopback not set\n");
  g_string_append (out, "  ARP type: ARPA, ARP Timeout 04:00:00, \n"
                        "  Last clearing of \"show interface\" counters never\n");
}

static void
print_vlan_if (GString           *out,
               CordIosDevice     *ios,
               const _CordShowIf *iface)
{
  print_state_line (out, iface);
  print_hardware (out, "CPU Interface", iface);
  print_description (out, ios, iface->name);
  print_internet (out, iface);
  /* The times and the reset count are Packet Tracer's constants; a VLAN
   * interface keeps no counters in the simulation. */
  g_string_append (out, "  MTU 1500 bytes, BW 100000 Kbit, DLY 1000000 usec,\n"
                        "     reliability 255/255, txload 1/255, rxload 1/255\n"
                        "  Encapsulation ARPA, loopback not set\n"
                        "  ARP type: ARPA, ARP Timeout 04:00:00\n"
                        "  Last input 21:40:21, output never, output hang never\n"
                        "  Last clearing of \"show interface\" counters never\n"
                        "  Input queue: 0/75/0/0 (size/max/drops/flushes); Total output drops: 0\n"
                        "  Queueing strategy: fifo\n"
                        "  Output queue: 0/40 (size/max)\n"
                        "  5 minute input rate 0 bits/sec, 0 packets/sec\n"
                        "  5 minute output rate 0 bits/sec, 0 packets/sec\n"
                        "     0 packets input, 0 bytes, 0 no buffer\n"
                        "     Received 0 broadcasts (0 IP multicast)\n"
                        "     0 runts, 0 giants, 0 throttles\n"
                        "     0 input errors, 0 CRC, 0 frame, 0 overrun, 0 ignored\n"
                        "     0 packets output, 0 bytes, 0 underruns\n"
                        "     0 output errors, 23 interface resets\n"
                        "     0 output buffer failures, 0 output buffers swapped out\n");
}

static void
print_interface (GString           *out,
                 CordIosDevice     *ios,
                 const _CordShowIf *iface)
{
  switch (iface->kind)
    {
    case _CORD_SHOW_IF_PORT:
      if (iface->switchport)
        print_switchport (out, ios, iface);
      else if (iface->serial)
        print_serial (out, ios, iface);
      else
        print_routed_ethernet (out, ios, iface);
      break;
    case _CORD_SHOW_IF_SUBIF:
      print_subif (out, ios, iface);
      break;
    case _CORD_SHOW_IF_VIRTUAL:
    default:
      print_vlan_if (out, ios, iface);
      break;
    }
}

static void
cmd_show_interfaces (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  const char *name = cord_ios_exec_arg (exec, "IFNAME");
  g_autoptr(GString) out = g_string_new (NULL);

  if (name != NULL)
    {
      g_autoptr(_CordShowIf) iface = _cord_show_find_if (ios, name);

      if (iface == NULL)
        {
          cord_ios_exec_invalid (exec, "IFNAME");
          return;
        }
      print_interface (out, ios, iface);
    }
  else
    {
      g_autoptr(GPtrArray) ifs = _cord_show_list_ifs (ios);

      for (guint i = 0; i < ifs->len; i++)
        {
          const _CordShowIf *iface = ifs->pdata[i];

          /* In the full list two empty lines lead each subinterface. */
          if (iface->kind == _CORD_SHOW_IF_SUBIF)
            g_string_append (out, "\n\n");
          print_interface (out, ios, iface);
        }
    }
  cord_ios_exec_print (exec, "%s", out->str);
}

/* --- show ip route ---------------------------------------------------------- */

/* The IOS major version the device runs: the catalog's "Version 15.1(4)M4"
 * when the device is known, else the version its config writes. */
static guint
ios_major (CordIosDevice *ios)
{
  const char *software = ios->device != NULL ? ios->device->model->ios.software : NULL;
  const char *version = software != NULL ? strstr (software, "Version ") : NULL;

  if (version != NULL)
    return (guint) strtoul (version + strlen ("Version "), NULL, 10);
  return (guint) strtoul (ios->version != NULL ? ios->version : "12", NULL, 10);
}

typedef struct {
  const CordRouteInfo *route;
  guint32              major;   /* classful network, or the prefix of a supernet */
  gboolean             subnet;  /* within its classful network */
} RouteRow;

static gint
route_row_cmp (gconstpointer a,
               gconstpointer b)
{
  const RouteRow *x = a, *y = b;

  if (x->major != y->major)
    return x->major < y->major ? -1 : 1;
  if (x->route->prefix != y->route->prefix)
    return x->route->prefix < y->route->prefix ? -1 : 1;
  if (x->route->mask != y->route->mask)
    return x->route->mask < y->route->mask ? -1 : 1;
  return (gint) x->route->type - (gint) y->route->type;
}

static const char *
route_code (const CordRouteInfo *route)
{
  switch (route->type)
    {
    case CORD_ROUTE_CONNECTED:
      return "C";
    case CORD_ROUTE_LOCAL:
      return "L";
    case CORD_ROUTE_STATIC:
    default:
      return route->prefix == 0 && route->mask == 0 ? "S*" : "S";
    }
}

/* One route: "C    10.0.0.0/8 is directly connected, FastEthernet0/0",
 * indented under its classful network when @grouped, without the mask
 * when the network has one mask only. */
static void
print_route (GString             *out,
             const CordRouteInfo *route,
             gboolean             grouped,
             gboolean             with_mask)
{
  g_autofree char *prefix = _cord_show_ipv4 (route->prefix);
  g_autofree char *nexthop = route->nexthop != 0 ? _cord_show_ipv4 (route->nexthop) : NULL;

  g_string_append_printf (out, "%-*s%s", grouped ? 8 : 5, route_code (route), prefix);
  if (with_mask)
    g_string_append_printf (out, "/%u", _cord_show_mask_len (route->mask));
  if (route->type != CORD_ROUTE_STATIC || nexthop == NULL)
    g_string_append_printf (out, " is directly connected, %s\n", route->ifname != NULL ? route->ifname : "");
  else if (route->ifname != NULL)
    g_string_append_printf (out, " [%u/%u] via %s, %s\n", route->distance, route->metric, nexthop, route->ifname);
  else
    g_string_append_printf (out, " [%u/%u] via %s\n", route->distance, route->metric, nexthop);
}

static void
print_routes (GString *out,
              GArray  *rows)
{
  for (guint i = 0; i < rows->len;)
    {
      const RouteRow *first = &g_array_index (rows, RouteRow, i);
      guint end = i, n_subnets = 0, n_masks = 0;
      guint32 masks[33] = { 0 };
      gboolean subnetted = FALSE;
      g_autofree char *major = NULL;

      if (!first->subnet)
        {
          print_route (out, first->route, FALSE, TRUE);
          i++;
          continue;
        }
      /* Count the subnets and masks of this classful network. */
      for (; end < rows->len && g_array_index (rows, RouteRow, end).subnet &&
             g_array_index (rows, RouteRow, end).major == first->major; end++)
        {
          const CordRouteInfo *r = g_array_index (rows, RouteRow, end).route;
          const CordRouteInfo *prev = end > i ? g_array_index (rows, RouteRow, end - 1).route : NULL;
          guint len = _cord_show_mask_len (r->mask);

          if (prev == NULL || prev->prefix != r->prefix || prev->mask != r->mask)
            n_subnets++;
          if (masks[len]++ == 0)
            n_masks++;
          if (r->mask != cord_ip_classful_mask (first->major))
            subnetted = TRUE;
        }
      major = _cord_show_ipv4 (first->major);
      if (!subnetted)
        ;
      else if (n_masks == 1)
        g_string_append_printf (out, "     %s/%u is subnetted, %u subnets\n", major,
                                _cord_show_mask_len (first->route->mask), n_subnets);
      else
        g_string_append_printf (out, "     %s/%u is variably subnetted, %u subnets, %u masks\n", major,
                                _cord_show_mask_len (cord_ip_classful_mask (first->major)), n_subnets, n_masks);
      for (; i < end; i++)
        print_route (out, g_array_index (rows, RouteRow, i).route, subnetted, !subnetted || n_masks > 1);
    }
}

static const char legend_12[] =
  "Codes: C - connected, S - static, I - IGRP, R - RIP, M - mobile, B - BGP\n";
static const char legend_15[] =
  "Codes: L - local, C - connected, S - static, R - RIP, M - mobile, B - BGP\n";
static const char legend_rest[] =
  "       D - EIGRP, EX - EIGRP external, O - OSPF, IA - OSPF inter area\n"
  "       N1 - OSPF NSSA external type 1, N2 - OSPF NSSA external type 2\n"
  "       E1 - OSPF external type 1, E2 - OSPF external type 2, E - EGP\n"
  "       i - IS-IS, L1 - IS-IS level-1, L2 - IS-IS level-2, ia - IS-IS inter area\n"
  "       * - candidate default, U - per-user static route, o - ODR\n"
  "       P - periodic downloaded static route\n\n";

static void
cmd_show_ip_route (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  gboolean local_routes = ios_major (ios) >= 15;
  g_autoptr(GArray) routes = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (RouteRow));
  g_autoptr(GString) out = g_string_new (local_routes ? legend_15 : legend_12);
  const CordRouteInfo *gateway = NULL;

  g_string_append (out, legend_rest);
  if (ios->sim != NULL && ios->device != NULL)
    routes = cord_ip_get_routes (ios->sim, ios->device);
  for (guint i = 0; routes != NULL && i < routes->len; i++)
    {
      const CordRouteInfo *route = &g_array_index (routes, CordRouteInfo, i);
      guint32 cmask = cord_ip_classful_mask (route->prefix);
      RouteRow row = { route, route->prefix & cmask, TRUE };

      /* 12.x images have no local routes. */
      if (route->type == CORD_ROUTE_LOCAL && !local_routes)
        continue;
      if ((route->mask & cmask) != cmask)
        {
          row.major = route->prefix;
          row.subnet = FALSE;
        }
      if (route->prefix == 0 && route->mask == 0 && gateway == NULL)
        gateway = route;
      g_array_append_val (rows, row);
    }
  g_array_sort (rows, route_row_cmp);

  if (gateway != NULL)
    {
      g_autofree char *via = _cord_show_ipv4 (gateway->nexthop);

      g_string_append_printf (out, "Gateway of last resort is %s to network 0.0.0.0\n\n", via);
    }
  else
    g_string_append (out, "Gateway of last resort is not set\n\n");
  print_routes (out, rows);
  if (rows->len > 0)
    g_string_append_c (out, '\n');
  cord_ios_exec_print (exec, "%s", out->str);
}

/* --- show arp --------------------------------------------------------------- */

static void
print_arp_row (GString    *out,
               guint32     address,
               const char *age,
               guint64     mac,
               const char *ifname)
{
  g_autofree char *ip = _cord_show_ipv4 (address);
  g_autofree char *hw = _cord_show_mac (mac, TRUE);

  g_string_append_printf (out, "Internet  %-15s %10s   %-14s  ARPA   %s\n", ip, age, hw, ifname);
}

static void
cmd_show_arp (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  g_autoptr(GString) out = g_string_new ("Protocol  Address          Age (min)  Hardware Addr   Type   Interface\n");
  g_autoptr(GArray) arp = NULL;
  guint64 now = _cord_show_now (ios);

  if (ios->sim != NULL && ios->device != NULL)
    arp = cord_ip_get_arp (ios->sim, ios->device);
  if (arp == NULL)
    {
      /* A switch answers ARP for its VLAN interfaces only. */
      g_autoptr(GPtrArray) ifs = _cord_show_list_ifs (ios);

      for (guint i = 0; i < ifs->len; i++)
        {
          const _CordShowIf *iface = ifs->pdata[i];

          if (iface->kind == _CORD_SHOW_IF_VIRTUAL && iface->address != 0 && iface->line_up && iface->mac != 0)
            print_arp_row (out, iface->address, "-", iface->mac, iface->name);
        }
    }
  for (guint i = 0; arp != NULL && i < arp->len; i++)
    {
      const CordArpInfo *entry = &g_array_index (arp, CordArpInfo, i);
      g_autofree char *age = entry->is_local
        ? g_strdup ("-")
        : g_strdup_printf ("%" G_GUINT64_FORMAT,
                           (now - MIN (now, entry->created_ns)) / (60 * CORD_ENGINE_NS_PER_SEC));

      print_arp_row (out, entry->address, age, entry->mac, entry->ifname);
    }
  cord_ios_exec_print (exec, "%s", out->str);
}

/* --- Table ------------------------------------------------------------------ */

#define SHOW_INTERFACES_HELP N_("Interface status and configuration")
#define SHOW_IP_BRIEF_HELPS \
  CORD_IOS_HELPS (SHOW_STR, IP_STR, N_("IP interface status and configuration"), \
                  N_("Brief summary of IP status and configuration"))
#define SHOW_IP_ROUTE_HELPS CORD_IOS_HELPS (SHOW_STR, IP_STR, N_("IP routing table"))
#define SHOW_ARP_HELPS CORD_IOS_HELPS (SHOW_STR, N_("ARP table"))

#define EXEC_SHOW(node) \
  { node, "show ip interface brief", SHOW_IP_BRIEF_HELPS, cmd_show_ip_brief, 0 }, \
  { node, "show interfaces", CORD_IOS_HELPS (SHOW_STR, SHOW_INTERFACES_HELP), cmd_show_interfaces, 0 }, \
  { node, "show interfaces IFNAME", CORD_IOS_HELPS (SHOW_STR, SHOW_INTERFACES_HELP, N_("Interface")), \
    cmd_show_interfaces, 0 }, \
  { node, "show ip route", SHOW_IP_ROUTE_HELPS, cmd_show_ip_route, CORD_IOS_CMD_ROUTING }, \
  { node, "show arp", SHOW_ARP_HELPS, cmd_show_arp, 0 }

static const CordIosCommand show_ip_commands[] = {
  EXEC_SHOW (CORD_IOS_NODE_USER),
  EXEC_SHOW (CORD_IOS_NODE_ENABLE),
  { 0 },
};

const CordIosModule cord_ios_module_show_ip = {
  "show-ip", show_ip_commands, NULL,
};
