/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The DHCP server's commands: ip dhcp pool and its (dhcp-config) mode, excluded addresses, service dhcp, and their show and clear commands. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cmd-interface-private.h"
#include "dhcp-server.h"
#include "ios-modules.h"
#include "ios-strings.h"
#include "ip.h"

#define DHCP_CONFIG_STR   N_("Configure DHCP server and relay parameters")
#define POOL_STR          N_("Configure DHCP address pools")
#define POOL_NAME_STR     N_("Pool name")
#define EXCLUDED_STR      N_("Prevent DHCP from assigning certain addresses")
#define LOW_STR           N_("Low IP address")
#define HIGH_STR          N_("High IP address")
#define SERVICE_DHCP_STR  N_("Enable DHCP server and relay agent")
#define NETWORK_STR       N_("Network number and mask")
#define NETWORK_NUM_STR   N_("Network number in dotted-decimal notation")
#define NETWORK_MASK_STR  N_("Network mask or prefix length")
#define DEFAULT_ROUTER_STR      N_("Default routers")
#define ROUTER_ADDR_STR   N_("Router's IP address")
#define DNS_STR           N_("DNS servers")
#define DNS_ADDR_STR      N_("Server's name or IP address")
#define DOMAIN_STR        N_("Domain name")
#define LEASE_STR         N_("Address lease time")
#define SHOW_DHCP_STR     N_("Show items in the DHCP database")
#define BINDING_STR       N_("DHCP address bindings")
#define SHOW_POOL_STR     N_("DHCP pools information")
#define CLEAR_STR         N_("Reset functions")

/* --- Helpers ------------------------------------------------------------ */

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

/* The server lives in the simulated router; without one (a switch, or IOS
 * without a network) the commands are not there yet. */
static gboolean
has_server (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);

  if (_cord_ios_has_network (ios) && !_cord_ios_is_switch (ios))
    return TRUE;
  cord_ios_exec_print (exec, "%s\n", _(_CORD_IOS_UNSUPPORTED_STR));
  return FALSE;
}

/* The pool the (dhcp-config) mode edits, read for a change; FALSE when
 * it went away meanwhile (`no ip dhcp pool` from another session). */
static gboolean
edit_pool (CordIosExec  *exec,
           CordDhcpPool *pool)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  const char *name = cord_ios_exec_get_context (exec);

  g_assert (name != NULL);
  if (!has_server (exec))
    return FALSE;
  if (!cord_dhcp_server_get_pool (ios->sim, ios->device, name, pool))
    {
      /* (unverified) IOS's words. */
      cord_ios_exec_print (exec, _("%% Pool %s does not exist.\n"), name);
      return FALSE;
    }
  return TRUE;
}

static void
save_pool (CordIosExec  *exec,
           CordDhcpPool *pool)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  g_autoptr(GError) error = NULL;

  if (!cord_dhcp_server_set_pool (ios->sim, ios->device, pool, &error))
    _cord_ios_print_error (exec, error);
  cord_dhcp_pool_clear (pool);
}

/* --- Global configuration ----------------------------------------------- */

static void
cmd_pool (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  const char *name = cord_ios_exec_arg (exec, "name");
  CordDhcpPool pool = { 0 };
  g_autoptr(GError) error = NULL;

  if (!has_server (exec))
    return;
  if (!cord_dhcp_server_get_pool (ios->sim, ios->device, name, &pool))
    {
      pool.name = g_strdup (name);
      if (!cord_dhcp_server_set_pool (ios->sim, ios->device, &pool, &error))
        {
          _cord_ios_print_error (exec, error);
          cord_dhcp_pool_clear (&pool);
          return;
        }
    }
  cord_dhcp_pool_clear (&pool);
  cord_ios_exec_enter (exec, CORD_IOS_NODE_DHCP, g_strdup (name), g_free);
}

static void
cmd_no_pool (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  g_autoptr(GError) error = NULL;

  if (has_server (exec) &&
      !cord_dhcp_server_remove_pool (ios->sim, ios->device, cord_ios_exec_arg (exec, "name"), &error))
    _cord_ios_print_error (exec, error);
}

static void
cmd_excluded (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  guint32 low = arg_address (exec, "low");
  guint32 high = cord_ios_exec_has (exec, "high") ? arg_address (exec, "high") : low;
  g_autoptr(GError) error = NULL;

  if (has_server (exec) &&
      !cord_dhcp_server_exclude (ios->sim, ios->device, low, high, !cord_ios_exec_has (exec, "no"), &error))
    _cord_ios_print_error (exec, error);
}

static void
cmd_service_dhcp (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  g_autoptr(GError) error = NULL;

  if (has_server (exec) &&
      !cord_dhcp_server_set_enabled (ios->sim, ios->device, !cord_ios_exec_has (exec, "no"), &error))
    _cord_ios_print_error (exec, error);
}

/* --- (dhcp-config) ------------------------------------------------------- */

static void
cmd_network (CordIosExec *exec)
{
  CordDhcpPool pool;
  guint32 network, mask;

  if (cord_ios_exec_has (exec, "prefix"))
    {
      const char *text = cord_ios_exec_arg (exec, "prefix");
      const char *slash = strchr (text, '/');
      g_autofree char *head = g_strndup (text, (gsize) (slash - text));
      guint bits = (guint) strtoul (slash + 1, NULL, 10);

      network = 0;
      cord_frame_ipv4_parse (head, &network);
      mask = bits == 0 ? 0 : 0xffffffffu << (32 - MIN (bits, 32u));
    }
  else
    {
      network = arg_address (exec, "net");
      mask = cord_ios_exec_has (exec, "mask") ? arg_address (exec, "mask") : cord_ip_classful_mask (network);
    }
  if (mask == 0)
    {
      cord_ios_exec_invalid (exec, cord_ios_exec_has (exec, "prefix") ? "prefix" : "mask");
      return;
    }
  if (!edit_pool (exec, &pool))
    return;
  pool.network = network;
  pool.mask = mask;
  save_pool (exec, &pool);
}

static void
cmd_no_network (CordIosExec *exec)
{
  CordDhcpPool pool;

  if (!edit_pool (exec, &pool))
    return;
  pool.network = pool.mask = 0;
  save_pool (exec, &pool);
}

static void
cmd_default_router (CordIosExec *exec)
{
  CordDhcpPool pool;

  if (!edit_pool (exec, &pool))
    return;
  pool.router = cord_ios_exec_has (exec, "no") ? 0 : arg_address (exec, "addr");
  save_pool (exec, &pool);
}

static void
cmd_dns_server (CordIosExec *exec)
{
  CordDhcpPool pool;

  if (!edit_pool (exec, &pool))
    return;
  pool.dns = cord_ios_exec_has (exec, "no") ? 0 : arg_address (exec, "addr");
  save_pool (exec, &pool);
}

static void
cmd_domain_name (CordIosExec *exec)
{
  CordDhcpPool pool;

  if (!edit_pool (exec, &pool))
    return;
  g_free (pool.domain);
  pool.domain = cord_ios_exec_has (exec, "no") ? NULL : g_strdup (cord_ios_exec_arg (exec, "WORD"));
  save_pool (exec, &pool);
}

static void
cmd_lease (CordIosExec *exec)
{
  CordDhcpPool pool;
  guint64 seconds;

  if (!edit_pool (exec, &pool))
    return;
  if (cord_ios_exec_has (exec, "no"))
    pool.lease_s = 0;
  else if (cord_ios_exec_has (exec, "infinite"))
    pool.lease_s = CORD_DHCP_LEASE_INFINITE;
  else
    {
      seconds = (guint64) cord_ios_exec_arg_int (exec, "days", 0) * 86400u +
                (guint64) cord_ios_exec_arg_int (exec, "hours", 0) * 3600u +
                (guint64) cord_ios_exec_arg_int (exec, "minutes", 0) * 60u;
      /* `lease 0` is not a lease at all: IOS takes it as one minute. */
      pool.lease_s = (guint32) MAX (seconds, 60u);
    }
  save_pool (exec, &pool);
}

/* --- EXEC ---------------------------------------------------------------- */

static char *
dotted_mac (guint64 mac)
{
  return g_strdup_printf ("%04x.%04x.%04x", (guint) (mac >> 32) & 0xffff,
                          (guint) (mac >> 16) & 0xffff, (guint) mac & 0xffff);
}

static void
cmd_show_binding (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  g_autoptr(GArray) bindings = NULL;

  if (!has_server (exec))
    return;
  bindings = cord_dhcp_server_list_bindings (ios->sim, ios->device);
  /* IOS 12.4's columns as Packet Tracer prints them (unverified against
   * a real 12.4: the client column is the hardware address, and the lease
   * expiration is "--" rather than a date). */
  cord_ios_exec_print (exec, "IP address       Client-ID/              Lease expiration        Type\n"
                             "                 Hardware address\n");
  for (guint i = 0; bindings != NULL && i < bindings->len; i++)
    {
      const CordDhcpBinding *b = &g_array_index (bindings, CordDhcpBinding, i);
      char addr[CORD_FRAME_IPV4_STRLEN];
      g_autofree char *mac = dotted_mac (b->mac);

      cord_ios_exec_print (exec, "%-17s%-25s%-23s%s\n", cord_frame_ipv4_to_string (b->address, addr),
                           mac, "--", "Automatic");
    }
}

static void
cmd_show_pool (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  const char *only = cord_ios_exec_arg (exec, "name");
  g_autoptr(GArray) pools = NULL;
  g_autoptr(GArray) bindings = NULL;
  g_autoptr(GArray) excluded = NULL;

  if (!has_server (exec))
    return;
  pools = cord_dhcp_server_list_pools (ios->sim, ios->device);
  bindings = cord_dhcp_server_list_bindings (ios->sim, ios->device);
  excluded = cord_dhcp_server_list_excluded (ios->sim, ios->device);
  /* IOS 12.4's layout (unverified, from memory of real output). */
  for (guint i = 0; i < pools->len; i++)
    {
      const CordDhcpPool *pool = &g_array_index (pools, CordDhcpPool, i);
      guint32 first = pool->network + 1, last = pool->network | ~pool->mask;
      guint leased = 0, total = pool->mask != 0 && last > first ? last - first : 0;
      guint32 next = 0;
      char a[CORD_FRAME_IPV4_STRLEN], b[CORD_FRAME_IPV4_STRLEN], c[CORD_FRAME_IPV4_STRLEN];
      g_autofree char *range = NULL;

      if (only != NULL && strcmp (only, pool->name) != 0)
        continue;
      for (guint j = 0; j < bindings->len; j++)
        if (pool->mask != 0 &&
            (g_array_index (bindings, CordDhcpBinding, j).address & pool->mask) == pool->network)
          leased++;
      cord_ios_exec_print (exec, "\nPool %s :\n", pool->name);
      cord_ios_exec_print (exec, " Utilization mark (high/low)    : 100 / 0\n");
      cord_ios_exec_print (exec, " Subnet size (first/next)       : 0 / 0 \n");
      cord_ios_exec_print (exec, " Total addresses                : %u\n", total);
      cord_ios_exec_print (exec, " Leased addresses               : %u\n", leased);
      cord_ios_exec_print (exec, " Pending event                  : none\n");
      if (total == 0)
        {
          cord_ios_exec_print (exec, " 0 subnet is currently in the pool :\n");
          continue;
        }
      /* The next address the pool would try: past the exclusions and the
       * addresses leased. */
      for (guint32 x = first; x < last && next == 0; x++)
        {
          gboolean taken = FALSE;

          for (guint j = 0; j < excluded->len && !taken; j++)
            {
              const CordDhcpRange *r = &g_array_index (excluded, CordDhcpRange, j);

              if (x >= r->low && x <= r->high)
                {
                  taken = TRUE;
                  x = MIN (r->high, last - 1);
                }
            }
          for (guint j = 0; j < bindings->len && !taken; j++)
            taken = g_array_index (bindings, CordDhcpBinding, j).address == x;
          if (!taken)
            next = x;
        }
      range = g_strdup_printf ("%-17s- %s", cord_frame_ipv4_to_string (first, b),
                               cord_frame_ipv4_to_string (last - 1, c));
      cord_ios_exec_print (exec, " 1 subnet is currently in the pool :\n");
      cord_ios_exec_print (exec, " Current index        IP address range                    Leased addresses\n");
      cord_ios_exec_print (exec, " %-21s%-36s%u\n", cord_frame_ipv4_to_string (next != 0 ? next : first, a),
                           range, leased);
    }
}

static void
cmd_clear_binding (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  g_autoptr(GError) error = NULL;

  if (has_server (exec) &&
      !cord_dhcp_server_clear_bindings (ios->sim, ios->device, arg_address (exec, "addr"), &error))
    _cord_ios_print_error (exec, error);
}

/* --- Running-config ------------------------------------------------------ */

static gboolean
writes_dhcp (CordIosDevice *ios)
{
  return _cord_ios_has_network (ios) && !_cord_ios_is_switch (ios);
}

/* With the service lines of the first section. */
static void
write_service (CordIosDevice *ios,
               GString       *out)
{
  if (writes_dhcp (ios) && !cord_dhcp_server_get_enabled (ios->sim, ios->device))
    g_string_append (out, "no service dhcp\n");
}

/* Exclusions, then the pools in the order they were made; Packet Tracer
 * indents a pool's lines by one space, IOS 12.4 by three (unverified: we
 * follow Packet Tracer, as the other blocks do). */
static void
write_pools (CordIosDevice *ios,
             GString       *out)
{
  g_autoptr(GArray) excluded = NULL;
  g_autoptr(GArray) pools = NULL;
  char a[CORD_FRAME_IPV4_STRLEN], b[CORD_FRAME_IPV4_STRLEN];

  if (!writes_dhcp (ios))
    return;
  excluded = cord_dhcp_server_list_excluded (ios->sim, ios->device);
  pools = cord_dhcp_server_list_pools (ios->sim, ios->device);
  for (guint i = 0; i < excluded->len; i++)
    {
      const CordDhcpRange *r = &g_array_index (excluded, CordDhcpRange, i);

      g_string_append_printf (out, "ip dhcp excluded-address %s", cord_frame_ipv4_to_string (r->low, a));
      if (r->high != r->low)
        g_string_append_printf (out, " %s", cord_frame_ipv4_to_string (r->high, b));
      g_string_append_c (out, '\n');
    }
  if (excluded->len > 0)
    g_string_append (out, "!\n");
  for (guint i = 0; i < pools->len; i++)
    {
      const CordDhcpPool *pool = &g_array_index (pools, CordDhcpPool, i);

      g_string_append_printf (out, "ip dhcp pool %s\n", pool->name);
      if (pool->mask != 0)
        g_string_append_printf (out, " network %s %s\n", cord_frame_ipv4_to_string (pool->network, a),
                                cord_frame_ipv4_to_string (pool->mask, b));
      if (pool->router != 0)
        g_string_append_printf (out, " default-router %s\n", cord_frame_ipv4_to_string (pool->router, a));
      if (pool->dns != 0)
        g_string_append_printf (out, " dns-server %s\n", cord_frame_ipv4_to_string (pool->dns, a));
      if (pool->domain != NULL)
        g_string_append_printf (out, " domain-name %s\n", pool->domain);
      if (pool->lease_s == CORD_DHCP_LEASE_INFINITE)
        g_string_append (out, " lease infinite\n");
      else if (pool->lease_s != 0)
        {
          guint d = pool->lease_s / 86400u, h = pool->lease_s % 86400u / 3600u, m = pool->lease_s % 3600u / 60u;

          if (m != 0)
            g_string_append_printf (out, " lease %u %u %u\n", d, h, m);
          else if (h != 0)
            g_string_append_printf (out, " lease %u %u\n", d, h);
          else
            g_string_append_printf (out, " lease %u\n", d);
        }
      g_string_append (out, "!\n");
    }
}

/* --- Tables -------------------------------------------------------------- */

#define SHOW_DHCP(node) \
  { node, "show ip dhcp binding", \
    CORD_IOS_HELPS (SHOW_STR, IP_STR, SHOW_DHCP_STR, BINDING_STR), cmd_show_binding, CORD_IOS_CMD_ROUTING }, \
  { node, "show ip dhcp pool [WORD$name]", \
    CORD_IOS_HELPS (SHOW_STR, IP_STR, SHOW_DHCP_STR, SHOW_POOL_STR, POOL_NAME_STR), cmd_show_pool, \
    CORD_IOS_CMD_ROUTING }

static const CordIosCommand dhcp_commands[] = {
  { CORD_IOS_NODE_CONFIG, "ip dhcp pool WORD$name",
    CORD_IOS_HELPS (IP_CONFIG_STR, DHCP_CONFIG_STR, POOL_STR, POOL_NAME_STR), cmd_pool, CORD_IOS_CMD_ROUTING },
  { CORD_IOS_NODE_CONFIG, "no ip dhcp pool WORD$name",
    CORD_IOS_HELPS (NO_STR, IP_CONFIG_STR, DHCP_CONFIG_STR, POOL_STR, POOL_NAME_STR), cmd_no_pool,
    CORD_IOS_CMD_ROUTING },
  { CORD_IOS_NODE_CONFIG, "[no] ip dhcp excluded-address A.B.C.D$low [A.B.C.D$high]",
    CORD_IOS_HELPS (NO_STR, IP_CONFIG_STR, DHCP_CONFIG_STR, EXCLUDED_STR, LOW_STR, HIGH_STR), cmd_excluded,
    CORD_IOS_CMD_ROUTING },
  { CORD_IOS_NODE_CONFIG, "[no] service dhcp",
    CORD_IOS_HELPS (NO_STR, SERVICE_STR, SERVICE_DHCP_STR), cmd_service_dhcp, CORD_IOS_CMD_ROUTING },

  { CORD_IOS_NODE_DHCP, "network A.B.C.D$net [A.B.C.D$mask]",
    CORD_IOS_HELPS (NETWORK_STR, NETWORK_NUM_STR, NETWORK_MASK_STR), cmd_network, 0 },
  /* The prefix-length form, written without the space IOS wants. */
  { CORD_IOS_NODE_DHCP, "network A.B.C.D/M$prefix",
    CORD_IOS_HELPS (NETWORK_STR, NETWORK_NUM_STR), cmd_network, CORD_IOS_CMD_HIDDEN },
  { CORD_IOS_NODE_DHCP, "no network [A.B.C.D [A.B.C.D]]",
    CORD_IOS_HELPS (NO_STR, NETWORK_STR, NETWORK_NUM_STR, NETWORK_MASK_STR), cmd_no_network, 0 },
  { CORD_IOS_NODE_DHCP, "default-router A.B.C.D$addr",
    CORD_IOS_HELPS (DEFAULT_ROUTER_STR, ROUTER_ADDR_STR), cmd_default_router, 0 },
  { CORD_IOS_NODE_DHCP, "no default-router [A.B.C.D]",
    CORD_IOS_HELPS (NO_STR, DEFAULT_ROUTER_STR, ROUTER_ADDR_STR), cmd_default_router, 0 },
  { CORD_IOS_NODE_DHCP, "dns-server A.B.C.D$addr",
    CORD_IOS_HELPS (DNS_STR, DNS_ADDR_STR), cmd_dns_server, 0 },
  { CORD_IOS_NODE_DHCP, "no dns-server [A.B.C.D]",
    CORD_IOS_HELPS (NO_STR, DNS_STR, DNS_ADDR_STR), cmd_dns_server, 0 },
  { CORD_IOS_NODE_DHCP, "domain-name WORD",
    CORD_IOS_HELPS (DOMAIN_STR, DOMAIN_STR), cmd_domain_name, 0 },
  { CORD_IOS_NODE_DHCP, "no domain-name [WORD]",
    CORD_IOS_HELPS (NO_STR, DOMAIN_STR, DOMAIN_STR), cmd_domain_name, 0 },
  { CORD_IOS_NODE_DHCP, "lease (0-365)$days [(0-23)$hours [(0-59)$minutes]]",
    CORD_IOS_HELPS (LEASE_STR, N_("Days"), N_("Hours"), N_("Minutes")), cmd_lease, 0 },
  { CORD_IOS_NODE_DHCP, "lease infinite",
    CORD_IOS_HELPS (LEASE_STR, N_("Infinite lease")), cmd_lease, 0 },
  { CORD_IOS_NODE_DHCP, "no lease",
    CORD_IOS_HELPS (NO_STR, LEASE_STR), cmd_lease, 0 },

  SHOW_DHCP (CORD_IOS_NODE_USER),
  SHOW_DHCP (CORD_IOS_NODE_ENABLE),
  { CORD_IOS_NODE_ENABLE, "clear ip dhcp binding <*|A.B.C.D$addr>",
    CORD_IOS_HELPS (CLEAR_STR, IP_STR, N_("Delete items from the DHCP database"), BINDING_STR,
                    N_("Clear all automatic bindings"), N_("Clear a specific binding")),
    cmd_clear_binding, CORD_IOS_CMD_ROUTING },
  { 0 },
};

static const CordIosConfigWriter dhcp_writers[] = {
  { CORD_IOS_NODE_CONFIG, CORD_IOS_ORDER_SERVICE, write_service },
  { CORD_IOS_NODE_CONFIG, CORD_IOS_ORDER_DHCP, write_pools },
  { 0 },
};

const CordIosModule cord_ios_module_dhcp = {
  "dhcp", dhcp_commands, dhcp_writers,
};
