/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The PC Command Prompt's ipconfig: the adapters as Packet Tracer lists them, static settings, /release and /renew. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "dhcp.h"
#include "pc-prompt-private.h"

/* Field names are padded with dots to this width, then ": ". */
#define LABEL_WIDTH 32u

typedef enum {
  SHOW_BRIEF,
  SHOW_ALL,
} Detail;

/* "   Subnet Mask.....................: 255.255.255.0" */
static void
field (GString    *out,
       const char *label,
       const char *value)
{
  gsize len = strlen (label);

  g_string_append (out, "   ");
  g_string_append (out, label);
  for (gsize i = len; i < LABEL_WIDTH; i++)
    g_string_append_c (out, '.');
  g_string_append_printf (out, ": %s\n", value);
}

/* A second value under the first: "Default Gateway" shows IPv6, then IPv4. */
static void
field_more (GString    *out,
            const char *value)
{
  g_string_append_printf (out, "%*s%s\n", (int) (LABEL_WIDTH + 5), "", value);
}

static void
field_ipv4 (GString    *out,
            const char *label,
            guint32     address)
{
  char buf[CORD_FRAME_IPV4_STRLEN];

  field (out, label, cord_frame_ipv4_to_string (address, buf));
}

static void
mac_bytes (guint64 mac,
           guint8  b[6])
{
  for (guint i = 0; i < 6; i++)
    b[i] = (guint8) (mac >> (40 - 8 * i));
}

/* Packet Tracer's dotted form in capitals: 00E0.B0DA.289E. */
static char *
mac_text (guint64 mac)
{
  return g_strdup_printf ("%04X.%04X.%04X", (guint) (mac >> 32) & 0xffff, (guint) (mac >> 16) & 0xffff,
                          (guint) mac & 0xffff);
}

/* Eight 16-bit groups as RFC 5952 writes them, in capitals. */
static char *
ipv6_text (const guint16 groups[8])
{
  GString *out = g_string_new (NULL);
  guint best = 0, best_len = 0;

  for (guint i = 0; i < 8;)
    {
      guint run = 0;

      while (i + run < 8 && groups[i + run] == 0)
        run++;
      if (run > best_len)
        best = i, best_len = run;
      i += run > 0 ? run : 1;
    }
  if (best_len < 2)
    best_len = 0;
  for (guint i = 0; i < 8; i++)
    {
      if (best_len > 0 && i == best)
        {
          g_string_append (out, "::");
          i += best_len - 1;
          continue;
        }
      if (i > 0 && !(best_len > 0 && i == best + best_len))
        g_string_append_c (out, ':');
      g_string_append_printf (out, "%X", groups[i]);
    }
  return g_string_free (out, FALSE);
}

/* FE80:: and the interface identifier EUI-64 makes of the MAC. */
static char *
link_local_text (guint64 mac)
{
  guint16 groups[8] = { 0xfe80, 0, 0, 0 };
  guint8 b[6];

  mac_bytes (mac, b);
  groups[4] = (guint16) ((b[0] ^ 0x02) << 8 | b[1]);
  groups[5] = (guint16) (b[2] << 8 | 0xff);
  groups[6] = (guint16) (0xfe00 | b[3]);
  groups[7] = (guint16) (b[4] << 8 | b[5]);
  return ipv6_text (groups);
}

/* FNV-1a over the MAC and a salt: stable values for what Packet Tracer
 * draws at random (the DUID's time, the Bluetooth adapter's address). */
static guint64
mix (guint64 mac,
     guint8  salt)
{
  guint64 h = G_GUINT64_CONSTANT (0xcbf29ce484222325);
  guint8 b[6];

  mac_bytes (mac, b);
  for (guint i = 0; i < 6; i++)
    h = (h ^ b[i]) * G_GUINT64_CONSTANT (0x100000001b3);
  h = (h ^ salt) * G_GUINT64_CONSTANT (0x100000001b3);
  return h;
}

/* DUID-LLT: type 1, Ethernet, a time, the MAC. */
static char *
duid_text (guint64 mac)
{
  guint32 time = (guint32) mix (mac, 1);
  guint8 b[6];

  mac_bytes (mac, b);
  return g_strdup_printf ("00-01-00-01-%02X-%02X-%02X-%02X-%02X-%02X-%02X-%02X-%02X-%02X",
                          time >> 24, (time >> 16) & 0xff, (time >> 8) & 0xff, time & 0xff,
                          b[0], b[1], b[2], b[3], b[4], b[5]);
}

/* Packet Tracer gives PCs and laptops a Bluetooth adapter; servers have none. */
static gboolean
has_bluetooth (CordDevice *device)
{
  return device->model->kind == CORD_KIND_PC || device->model->kind == CORD_KIND_LAPTOP;
}

/* One adapter's section. @mac is 0 for the Bluetooth adapter of a PC,
 * whose settings are all unset. */
static void
adapter (GString          *out,
         const char       *title,
         const CordHostIp *host,
         guint64           mac,
         guint64           physical,
         guint64           duid_mac,
         guint32           dhcp_server,
         Detail            detail)
{
  g_autofree char *link_local = mac != 0 ? link_local_text (mac) : g_strdup ("::");
  char buf[CORD_FRAME_IPV4_STRLEN];

  g_string_append_printf (out, "\n%s\n\n", title);
  field (out, _("Connection-specific DNS Suffix"), "");
  if (detail == SHOW_ALL)
    {
      g_autofree char *text = mac_text (physical);

      field (out, _("Physical Address"), text);
    }
  field (out, _("Link-local IPv6 Address"), link_local);
  field (out, _("IPv6 Address"), "::");
  field_ipv4 (out, _("IPv4 Address"), host->address);
  field_ipv4 (out, _("Subnet Mask"), host->mask);
  field (out, _("Default Gateway"), "::");
  field_more (out, cord_frame_ipv4_to_string (host->gateway, buf));
  if (detail == SHOW_ALL)
    {
      g_autofree char *duid = duid_text (duid_mac);

      field_ipv4 (out, _("DHCP Servers"), dhcp_server);
      field (out, _("DHCPv6 IAID"), "");
      field (out, _("DHCPv6 Client DUID"), duid);
      field (out, _("DNS Servers"), "::");
      field_more (out, cord_frame_ipv4_to_string (host->dns, buf));
    }
}

static void
show (CordPcPrompt *p,
      Detail        detail)
{
  g_autoptr(GArray) ifs = cord_ip_list_interfaces (p->sim, p->device);
  const CordHostIp *host = &p->device->host;
  GString *out = g_string_new (NULL);
  guint64 nic_mac = 0;

  if (ifs != NULL && ifs->len > 0)
    {
      const CordIpIfInfo *nic = &g_array_index (ifs, CordIpIfInfo, 0);
      g_autofree char *title = g_strdup_printf (_("%s Connection:(default port)"), nic->name);

      nic_mac = nic->mac;
      adapter (out, title, host, nic->mac, nic->mac, nic->mac,
               cord_dhcp_get_server (p->sim, p->device), detail);
    }
  if (has_bluetooth (p->device))
    {
      /* The Bluetooth adapter has no address, but shares the DNS server. */
      CordHostIp none = { FALSE, 0, 0, 0, host->dns };
      guint64 physical = mix (nic_mac != 0 ? nic_mac : p->device->mac_base, 2) & G_GUINT64_CONSTANT (0xffffffffff);

      adapter (out, _("Bluetooth Connection:"), &none, 0, physical, nic_mac, 0, detail);
    }
  g_string_append (out, detail == SHOW_ALL ? "\n\n" : "\n");
  _cord_pc_prompt_print (p, out->str);
  g_string_free (out, TRUE);
}

static gboolean
set_host (CordPcPrompt     *p,
          const CordHostIp *host)
{
  const CordHostIp *now = &p->device->host;
  g_autoptr(GError) error = NULL;

  /* The same settings again make no edit to undo. */
  if (!host->dhcp == !now->dhcp && host->address == now->address && host->mask == now->mask &&
      host->gateway == now->gateway && host->dns == now->dns)
    return TRUE;
  if (cord_topology_set_host_ip (cord_sim_get_topology (p->sim), p->device, host, &error))
    return TRUE;
  _cord_pc_prompt_printf (p, "%s\n\n", error->message);
  return FALSE;
}

/* /release and /renew, as after "IP Address" lines. */
static void
lease_block (CordPcPrompt     *p,
             const CordHostIp *host)
{
  GString *out = g_string_new ("\n");

  field_ipv4 (out, _("IP Address"), host->address);
  field_ipv4 (out, _("Subnet Mask"), host->mask);
  field_ipv4 (out, _("Default Gateway"), host->gateway);
  field_ipv4 (out, _("DNS Server"), host->dns);
  g_string_append_c (out, '\n');
  _cord_pc_prompt_print (p, out->str);
  g_string_free (out, TRUE);
}

static gboolean
static_only (CordPcPrompt *p)
{
  if (p->device->host.dhcp)
    return FALSE;
  /* Windows' words: Packet Tracer's are not on record. */
  _cord_pc_prompt_printf (p, "%s\n\n", _("The operation failed as no adapter is in the state permissible for\n"
                                         "this operation."));
  return TRUE;
}

static void
release (CordPcPrompt *p)
{
  CordHostIp host = { TRUE, 0, 0, 0, 0 };
  g_autoptr(GError) error = NULL;

  if (static_only (p))
    return;
  if (!cord_dhcp_release (p->sim, p->device, &error))
    {
      _cord_pc_prompt_printf (p, "%s\n\n", error->message);
      return;
    }
  lease_block (p, &host);
}

/* The DHCP client is done: the lease it got, or Packet Tracer's words for
 * a failure (the host then holds an APIPA address, which ipconfig shows). */
static void
renew_done (CordSim        *sim,
            CordDevice     *device,
            CordDhcpResult  result,
            gpointer        user_data)
{
  CordPcPrompt *p = user_data;

  if (p->state != _CORD_PC_RENEWING)
    return;
  if (result == CORD_DHCP_BOUND)
    lease_block (p, &p->device->host);
  else
    _cord_pc_prompt_printf (p, "%s \n\n", _("DHCP request failed."));
  _cord_pc_prompt_finish (p);
}

static void
renew (CordPcPrompt *p)
{
  g_autoptr(GError) error = NULL;

  if (static_only (p))
    return;
  p->state = _CORD_PC_RENEWING;
  if (!cord_dhcp_start (p->sim, p->device, renew_done, p, &error))
    {
      p->state = _CORD_PC_EDITING;
      _cord_pc_prompt_printf (p, "%s\n\n", error->message);
    }
}

/* ipconfig IP MASK [GATEWAY]: static settings; the DNS server stays. */
static void
set_static (CordPcPrompt  *p,
            guint          argc,
            char         **argv)
{
  g_autoptr(GError) error = NULL;
  CordHostIp host = p->device->host;

  host.dhcp = FALSE;
  host.gateway = 0;
  if (!cord_frame_ipv4_parse (argv[0], &host.address) || !cord_frame_ipv4_parse (argv[1], &host.mask) ||
      (argc == 3 && !cord_frame_ipv4_parse (argv[2], &host.gateway)))
    {
      _cord_pc_prompt_invalid (p);
      return;
    }
  if (!cord_ip_check_address (host.address, host.mask, &error))
    {
      _cord_pc_prompt_printf (p, "%s\n\n", error->message);
      return;
    }
  set_host (p, &host);
}

void
_cord_pc_prompt_ipconfig (CordPcPrompt *prompt,
                          guint         argc,
                          char        **argv)
{
  if (argc == 0)
    show (prompt, SHOW_BRIEF);
  else if (argc == 1 && g_ascii_strcasecmp (argv[0], "/all") == 0)
    show (prompt, SHOW_ALL);
  else if (argc == 1 && g_ascii_strcasecmp (argv[0], "/release") == 0)
    release (prompt);
  else if (argc == 1 && g_ascii_strcasecmp (argv[0], "/renew") == 0)
    renew (prompt);
  else if (argc == 1 && strcmp (argv[0], "/?") == 0)
    _cord_pc_prompt_printf (prompt, "%s\n\n%s\n%s\n\n", _("Cisco Packet Tracer PC IP Configuration"),
                            _("Usage:"),
                            _("ipconfig { /? | /renew | /release | <IP> <subnet mask> [<default gateway>] }"));
  else if ((argc == 2 || argc == 3) && argv[0][0] != '/')
    set_static (prompt, argc, argv);
  else
    _cord_pc_prompt_invalid (prompt);
}
