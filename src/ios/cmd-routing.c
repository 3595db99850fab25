/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Global IP configuration: static routes, `ip default-gateway` and `ip routing`, with their running-config lines. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "cmd-interface-private.h"
#include "ios-modules.h"
#include "ios-strings.h"
#include "ip.h"

/* A 3560 keeps at most this many static routes. */
#define MAX_KEPT_ROUTES 1000u

#define ROUTE_STR       N_("Establish static routes")
#define PREFIX_STR      N_("Destination prefix")
#define PREFIX_MASK_STR N_("Destination prefix mask")
#define FORWARD_STR     N_("Forwarding router's address")
#define INTERFACE_NAME_STR N_("Interface name")
#define DISTANCE_STR    N_("Distance metric for this route")
#define GATEWAY_STR     N_("Specify default gateway (if not routing IP)")

static void
print_str (CordIosExec *exec,
           const char  *text)
{
  cord_ios_exec_print (exec, "%s\n", _(text));
}

static guint32
arg_address (CordIosExec *exec,
             const char  *name)
{
  const char *text = cord_ios_exec_arg (exec, name);
  guint32 address = 0;

  if (text != NULL)
    cord_frame_ipv4_parse (text, &address);
  return address;
}

/* --- Static routes ------------------------------------------------------ */

typedef struct {
  guint32  prefix;
  guint32  mask;
  guint32  nexthop;
  char    *ifname;   /* in full, or NULL */
  guint    distance;
} Route;

static void
route_clear (Route *route)
{
  g_clear_pointer (&route->ifname, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Route, route_clear)

/* Reads the route the command names; FALSE when its interface does not
 * exist, having said so. */
static gboolean
read_route (CordIosExec *exec,
            Route       *route)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  const char *ifname = cord_ios_exec_arg (exec, "IFNAME");

  route->prefix = arg_address (exec, "prefix");
  route->mask = arg_address (exec, "mask");
  route->nexthop = arg_address (exec, "via");
  route->distance = (guint) cord_ios_exec_arg_int (exec, "distance", 0);
  route->ifname = NULL;
  if (ifname != NULL)
    {
      g_auto(_CordIosIfRef) ref = { 0 };

      if (!_cord_ios_if_resolve (ios, ifname, &ref) ||
          cord_ios_interface_lookup (ios, ifname, NULL) == NULL)
        {
          print_str (exec, _CORD_IOS_BAD_IFNAME_STR);
          return FALSE;
        }
      route->ifname = g_steal_pointer (&ref.name);
    }
  return TRUE;
}

/* A 3560's routes are kept here: the simulation does not route there. */
static gboolean
kept_route_matches (const _CordIosRoute *kept,
                    const Route         *route,
                    gboolean             wildcards)
{
  if (kept->prefix != route->prefix || kept->mask != route->mask)
    return FALSE;
  if (wildcards && route->nexthop == 0 && route->ifname == NULL)
    return TRUE;
  return kept->nexthop == route->nexthop && g_strcmp0 (kept->ifname, route->ifname) == 0;
}

static void
keep_route (CordIosExec *exec,
            const Route *route)
{
  _CordIosIfState *st = _cord_ios_if_state (cord_ios_exec_get_device (exec));
  _CordIosRoute kept = { route->prefix, route->mask, route->nexthop, NULL, MAX (route->distance, 1u) };

  if ((route->prefix & ~route->mask) != 0 || (~route->mask & (~route->mask + 1)) != 0)
    {
      print_str (exec, N_("%Inconsistent address and mask"));
      return;
    }
  for (guint i = 0; i < st->routes->len; i++)
    {
      _CordIosRoute *old = &g_array_index (st->routes, _CordIosRoute, i);

      if (kept_route_matches (old, route, FALSE))
        {
          old->distance = kept.distance;
          return;
        }
    }
  if (st->routes->len >= MAX_KEPT_ROUTES)
    {
      cord_ios_exec_print (exec, _("%% No more than %u static routes\n"), MAX_KEPT_ROUTES);
      return;
    }
  kept.ifname = g_strdup (route->ifname);
  g_array_append_val (st->routes, kept);
}

static void
cmd_ip_route (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  g_auto(Route) route = { 0 };
  g_autoptr(GError) error = NULL;

  if (!_cord_ios_has_network (ios))
    {
      print_str (exec, _CORD_IOS_UNSUPPORTED_STR);
      return;
    }
  if (!read_route (exec, &route))
    return;
  if (_cord_ios_is_switch (ios))
    keep_route (exec, &route);
  else if (!cord_ip_route_add (ios->sim, ios->device, route.prefix, route.mask, route.nexthop,
                               route.ifname, route.distance, &error))
    _cord_ios_print_error (exec, error);
}

static void
cmd_no_ip_route (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  g_auto(Route) route = { 0 };
  g_autoptr(GError) error = NULL;
  _CordIosIfState *st;
  guint removed = 0;

  if (!_cord_ios_has_network (ios))
    {
      print_str (exec, _CORD_IOS_UNSUPPORTED_STR);
      return;
    }
  if (!read_route (exec, &route))
    return;
  if (!_cord_ios_is_switch (ios))
    {
      if (!cord_ip_route_remove (ios->sim, ios->device, route.prefix, route.mask, route.nexthop,
                                 route.ifname, &error))
        _cord_ios_print_error (exec, error);
      return;
    }
  st = _cord_ios_if_state (ios);
  for (guint i = st->routes->len; i-- > 0;)
    if (kept_route_matches (&g_array_index (st->routes, _CordIosRoute, i), &route, TRUE))
      {
        g_array_remove_index (st->routes, i);
        removed++;
      }
  if (removed == 0)
    print_str (exec, N_("%No matching route to delete"));
}

/* --- ip default-gateway, ip routing ------------------------------------- */

static void
cmd_default_gateway (CordIosExec *exec)
{
  guint32 gateway = cord_ios_exec_has (exec, "no") ? 0 : arg_address (exec, "A.B.C.D");

  _cord_ios_if_state (cord_ios_exec_get_device (exec))->default_gateway = gateway;
}

static void
cmd_ip_routing (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  gboolean on = !cord_ios_exec_has (exec, "no");

  /* Routers route: turning it off is not simulated. */
  if (!_cord_ios_is_l3_switch (ios))
    {
      if (!on)
        print_str (exec, _CORD_IOS_UNSUPPORTED_STR);
      return;
    }
  _cord_ios_if_state (ios)->ip_routing = on;
}

/* `ip classless` is how every router forwards; the line comes back with
 * a pasted running-config, as does Packet Tracer's `ip flow-export`. */
static void
cmd_ip_default_only (CordIosExec *exec)
{
  if (cord_ios_exec_has (exec, "no"))
    print_str (exec, _CORD_IOS_UNSUPPORTED_STR);
}

/* --- Running-config ----------------------------------------------------- */

static void
write_route (GString    *out,
             guint32     prefix,
             guint32     mask,
             const char *ifname,
             guint32     nexthop,
             guint       distance)
{
  char p[CORD_FRAME_IPV4_STRLEN], m[CORD_FRAME_IPV4_STRLEN], n[CORD_FRAME_IPV4_STRLEN];

  g_string_append_printf (out, "ip route %s %s", cord_frame_ipv4_to_string (prefix, p),
                          cord_frame_ipv4_to_string (mask, m));
  if (ifname != NULL)
    g_string_append_printf (out, " %s", ifname);
  if (nexthop != 0)
    g_string_append_printf (out, " %s", cord_frame_ipv4_to_string (nexthop, n));
  if (distance > 1)
    g_string_append_printf (out, " %u", distance);
  /* Packet Tracer ends every route line with a space (reference 4.9). */
  g_string_append (out, " \n");
}

static void
write_ip_routing (CordIosDevice *ios,
                  GString       *out)
{
  if (_cord_ios_is_l3_switch (ios) && _cord_ios_if_state (ios)->ip_routing)
    g_string_append (out, "ip routing\n");
}

static void
write_routes (CordIosDevice *ios,
              GString       *out)
{
  _CordIosIfState *st;
  GArray *routes;
  char g[CORD_FRAME_IPV4_STRLEN];

  if (!_cord_ios_has_network (ios))
    return;
  st = _cord_ios_if_state (ios);
  /* Switches (reference 4.3): nothing at all until there is something. */
  if (_cord_ios_is_switch (ios))
    {
      if (st->default_gateway == 0 && !st->ip_routing && st->routes->len == 0)
        return;
      if (st->default_gateway != 0)
        g_string_append_printf (out, "ip default-gateway %s\n",
                                cord_frame_ipv4_to_string (st->default_gateway, g));
      if (st->ip_routing)
        g_string_append (out, "ip classless\n");
      for (guint i = 0; i < st->routes->len; i++)
        {
          const _CordIosRoute *r = &g_array_index (st->routes, _CordIosRoute, i);

          write_route (out, r->prefix, r->mask, r->ifname, r->nexthop, r->distance);
        }
      g_string_append (out, "!\n");
      return;
    }
  /* Routers (reference 4.9): the routes as entered, then Packet Tracer's
   * flow-export line and the "!" lines before the banner. */
  g_string_append (out, "ip classless\n");
  routes = cord_ip_list_static_routes (ios->sim, ios->device);
  for (guint i = 0; routes != NULL && i < routes->len; i++)
    {
      const CordRouteInfo *r = &g_array_index (routes, CordRouteInfo, i);

      write_route (out, r->prefix, r->mask, r->ifname, r->nexthop, r->distance);
    }
  if (routes != NULL)
    g_array_unref (routes);
  g_string_append (out, "!\nip flow-export version 9\n!\n!\n!\n!\n!\n");
}

/* --- Tables ------------------------------------------------------------- */

#define ROUTE_SYNTAX "A.B.C.D$prefix A.B.C.D$mask <A.B.C.D$via|IFNAME [A.B.C.D$via]> [(1-255)$distance]"
#define ROUTE_HELPS  PREFIX_STR, PREFIX_MASK_STR, FORWARD_STR, INTERFACE_NAME_STR, FORWARD_STR, DISTANCE_STR

static const CordIosCommand routing_commands[] = {
  { CORD_IOS_NODE_CONFIG, "ip route " ROUTE_SYNTAX,
    CORD_IOS_HELPS (IP_CONFIG_STR, ROUTE_STR, ROUTE_HELPS), cmd_ip_route, CORD_IOS_CMD_ROUTING },
  { CORD_IOS_NODE_CONFIG, "no ip route A.B.C.D$prefix A.B.C.D$mask [<A.B.C.D$via|IFNAME [A.B.C.D$via]>] "
    "[(1-255)$distance]",
    CORD_IOS_HELPS (NO_STR, IP_CONFIG_STR, ROUTE_STR, ROUTE_HELPS), cmd_no_ip_route, CORD_IOS_CMD_ROUTING },
  { CORD_IOS_NODE_CONFIG, "ip default-gateway A.B.C.D",
    CORD_IOS_HELPS (IP_CONFIG_STR, GATEWAY_STR, N_("IP address of default gateway")),
    cmd_default_gateway, CORD_IOS_CMD_SWITCHING },
  { CORD_IOS_NODE_CONFIG, "no ip default-gateway [A.B.C.D]",
    CORD_IOS_HELPS (NO_STR, IP_CONFIG_STR, GATEWAY_STR, N_("IP address of default gateway")),
    cmd_default_gateway, CORD_IOS_CMD_SWITCHING },
  { CORD_IOS_NODE_CONFIG, "[no] ip routing",
    CORD_IOS_HELPS (NO_STR, IP_CONFIG_STR, N_("Enable IP routing")), cmd_ip_routing, CORD_IOS_CMD_ROUTING },
  { CORD_IOS_NODE_CONFIG, "[no] ip classless",
    CORD_IOS_HELPS (NO_STR, IP_CONFIG_STR, N_("Follow classless routing forwarding rules")),
    cmd_ip_default_only, CORD_IOS_CMD_ROUTING },
  { CORD_IOS_NODE_CONFIG, "[no] ip flow-export version 9",
    CORD_IOS_HELPS (NO_STR, IP_CONFIG_STR, N_("Specify host/port to send flow statistics"),
                    N_("Specify the version number"), N_("Version 9 export format")),
    cmd_ip_default_only, CORD_IOS_CMD_ROUTING | CORD_IOS_CMD_HIDDEN },
  { 0 },
};

static const CordIosConfigWriter routing_writers[] = {
  /* Before "no ip domain-lookup", as IOS 12.2 writes it. */
  { CORD_IOS_NODE_CONFIG, CORD_IOS_ORDER_IP - 1, write_ip_routing },
  { CORD_IOS_NODE_CONFIG, CORD_IOS_ORDER_IP_ROUTE, write_routes },
  { 0 },
};

const CordIosModule cord_ios_module_routing = {
  "routing", routing_commands, routing_writers,
};
