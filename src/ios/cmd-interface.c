/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Interface configuration: `interface`, `interface range` and the commands of (config-if) and (config-subif); cmd-interface-write.c writes their blocks. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "cmd-interface-private.h"
#include "ios-modules.h"
#include "ios-strings.h"
#include "ip.h"
#include "switching.h"

/* `interface range` configures at most this many interfaces at once. */
#define RANGE_MAX_MEMBERS 4094u
/* IOS keeps descriptions of up to this many characters. */
#define DESCRIPTION_MAX   240u

#define IP_ADDRESS_STR    N_("Set the IP address of an interface")
#define MAC_ADDRESS_STR   N_("Manually set interface MAC address")

static void
print_str (CordIosExec *exec,
           const char  *text)
{
  cord_ios_exec_print (exec, "%s\n", _(text));
}

static gboolean
type_unsupported (const char *name)
{
  return g_str_has_prefix (name, "Loopback") || g_str_has_prefix (name, "Tunnel") ||
         g_str_has_prefix (name, "Port-channel");
}

static gboolean
subif_exists (CordIosDevice *ios,
              const char    *name)
{
  CordIpIfInfo info;

  if (!cord_ip_get_interface (ios->sim, ios->device, name, &info))
    return FALSE;
  cord_ip_if_info_clear (&info);
  return TRUE;
}

static gboolean
is_ethernet (const CordPort *port)
{
  return port->medium == CORD_MEDIUM_COPPER || port->medium == CORD_MEDIUM_FIBER;
}

/* --- Entering interface modes ------------------------------------------ */

static char **
one_member (const char *name)
{
  char **names = g_new0 (char *, 2);

  names[0] = g_strdup (name);
  return names;
}

/* A new subinterface follows its parent at once, as Packet Tracer logs. */
static void
subif_created (CordIosDevice       *ios,
               const _CordIosIfRef *ref,
               GPtrArray           *msgs)
{
  if (cord_sim_port_get_shutdown (ios->sim, ref->port))
    return;
  if (cord_sim_port_is_up (ios->sim, ref->port))
    {
      _cord_ios_msg_link (msgs, ref->name, _CORD_IOS_LINK_UP);
      _cord_ios_msg_proto (msgs, ref->name, TRUE);
    }
  else
    _cord_ios_msg_link (msgs, ref->name, _CORD_IOS_LINK_DOWN);
}

/* `interface vlan N` creates the SVI, up unless shut down. */
static void
svi_create (CordIosDevice *ios,
            guint          vid,
            GPtrArray     *msgs)
{
  _CordIosIfState *st = _cord_ios_if_state (ios);
  _CordIosSvi *svi = g_new0 (_CordIosSvi, 1);
  g_autofree char *name = g_strdup_printf ("Vlan%u", vid);
  guint at = 0;

  svi->vid = (guint16) vid;
  while (at < st->svis->len && ((_CordIosSvi *) st->svis->pdata[at])->vid < vid)
    at++;
  g_ptr_array_insert (st->svis, (gint) at, svi);
  _cord_ios_msg_link (msgs, name, _CORD_IOS_LINK_UP);
  _cord_ios_svi_refresh (ios, msgs);
}

static void
cmd_interface (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  const char *typed = cord_ios_exec_arg (exec, "IFNAME");
  g_auto(_CordIosIfRef) ref = { 0 };
  g_autoptr(GPtrArray) msgs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  CordIosNodeId node = CORD_IOS_NODE_INTERFACE;

  if (type_unsupported (typed))
    {
      print_str (exec, _CORD_IOS_UNSUPPORTED_STR);
      return;
    }
  if (!_cord_ios_if_resolve (ios, typed, &ref))
    {
      print_str (exec, _CORD_IOS_BAD_IFNAME_STR);
      return;
    }
  if (ref.kind == _CORD_IOS_IF_SUBIF)
    {
      node = CORD_IOS_NODE_SUBIF;
      if (!subif_exists (ios, ref.name))
        {
          if (!cord_ip_subif_add (ios->sim, ios->device, ref.name, &error))
            {
              _cord_ios_print_error (exec, error);
              return;
            }
          subif_created (ios, &ref, msgs);
        }
    }
  else if (ref.kind == _CORD_IOS_IF_SVI && _cord_ios_svi_find (ios, ref.vid) == NULL)
    svi_create (ios, ref.vid, msgs);
  for (guint i = 0; i < msgs->len; i++)
    cord_ios_exec_log (exec, msgs->pdata[i]);
  cord_ios_exec_enter (exec, node, one_member (ref.name), (GDestroyNotify) g_strfreev);
}

/* Adds the interfaces of one item of a range, "FastEthernet0/1-5" or
 * "Vlan10", to @names; FALSE, having said why, when one does not exist. */
static gboolean
range_item (CordIosExec *exec,
            const char  *item,
            GPtrArray   *names,
            GHashTable  *seen)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  const char *number = item, *dash, *slash;
  g_autofree char *prefix = NULL;
  guint64 first, last;

  while (g_ascii_isalpha (*number) || (*number == '-' && g_ascii_isalpha (number[1])))
    number++;
  dash = strchr (number, '-');
  slash = strrchr (number, '/');
  if (slash != NULL && dash != NULL && slash > dash)
    slash = NULL;
  prefix = g_strndup (item, slash != NULL ? (gsize) (slash + 1 - item) : (gsize) (number - item));
  first = g_ascii_strtoull (slash != NULL ? slash + 1 : number, NULL, 10);
  last = dash != NULL ? g_ascii_strtoull (dash + 1, NULL, 10) : first;
  if (type_unsupported (item))
    {
      print_str (exec, _CORD_IOS_UNSUPPORTED_STR);
      return FALSE;
    }
  if (last < first || last - first >= RANGE_MAX_MEMBERS)
    {
      print_str (exec, _CORD_IOS_BAD_IFNAME_STR);
      return FALSE;
    }
  for (guint64 n = first; n <= last; n++)
    {
      g_autofree char *typed = g_strdup_printf ("%s%" G_GUINT64_FORMAT, prefix, n);
      g_auto(_CordIosIfRef) ref = { 0 };

      /* A range takes the SVIs that exist, never makes new ones. */
      if (!_cord_ios_if_resolve (ios, typed, &ref) || ref.kind == _CORD_IOS_IF_SUBIF ||
          (ref.kind == _CORD_IOS_IF_SVI && _cord_ios_svi_find (ios, ref.vid) == NULL) ||
          names->len >= RANGE_MAX_MEMBERS)
        {
          print_str (exec, _CORD_IOS_BAD_IFNAME_STR);
          return FALSE;
        }
      if (g_hash_table_contains (seen, ref.name))
        continue;
      g_hash_table_add (seen, ref.name);
      g_ptr_array_add (names, g_steal_pointer (&ref.name));
    }
  return TRUE;
}

static void
cmd_interface_range (CordIosExec *exec)
{
  g_auto(GStrv) items = g_strsplit (cord_ios_exec_arg (exec, "IFRANGE"), ",", -1);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; items[i] != NULL; i++)
    if (!range_item (exec, items[i], names, seen))
      return;
  g_ptr_array_add (names, NULL);
  cord_ios_exec_enter (exec, CORD_IOS_NODE_IF_RANGE, g_ptr_array_steal (names, NULL),
                       (GDestroyNotify) g_strfreev);
}

static void
cmd_no_interface (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  const char *typed = cord_ios_exec_arg (exec, "IFNAME");
  g_auto(_CordIosIfRef) ref = { 0 };
  g_autoptr(GError) error = NULL;
  _CordIosIfState *st;

  if (!_cord_ios_if_resolve (ios, typed, &ref))
    {
      print_str (exec, type_unsupported (typed) ? _CORD_IOS_UNSUPPORTED_STR : _CORD_IOS_BAD_IFNAME_STR);
      return;
    }
  switch (ref.kind)
    {
    case _CORD_IOS_IF_SUBIF:
      if (subif_exists (ios, ref.name) &&
          !cord_ip_subif_remove (ios->sim, ios->device, ref.name, &error))
        {
          _cord_ios_print_error (exec, error);
          return;
        }
      {
        g_autofree char *key = g_ascii_strdown (ref.name, -1);

        g_hash_table_remove (_cord_ios_if_state (ios)->confs, key);
      }
      break;
    case _CORD_IOS_IF_SVI:
      st = _cord_ios_if_state (ios);
      if (ref.vid != 1)
        {
          g_ptr_array_remove (st->svis, _cord_ios_svi_find (ios, ref.vid));
          break;
        }
      G_GNUC_FALLTHROUGH;
    case _CORD_IOS_IF_PORT:
    default:
      /* Ports and Vlan1 cannot go; what IOS answers is not known here. */
      print_str (exec, _CORD_IOS_UNSUPPORTED_STR);
      break;
    }
}

/* --- (config-if) -------------------------------------------------------- */

/* Runs @apply on every interface of the mode, in order. */
typedef void (*ApplyFunc) (CordIosExec         *exec,
                           const _CordIosIfRef *ref,
                           GPtrArray           *msgs,
                           gpointer             data);

static void
for_each_member (CordIosExec *exec,
                 ApplyFunc    apply,
                 gpointer     data)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  const char *const *members = _cord_ios_if_members (exec);

  for (guint i = 0; members[i] != NULL; i++)
    {
      g_auto(_CordIosIfRef) ref = { 0 };
      g_autoptr(GPtrArray) msgs = g_ptr_array_new_with_free_func (g_free);

      /* An interface taken away meanwhile (a module, an SVI) is skipped. */
      if (!_cord_ios_if_resolve (ios, members[i], &ref) ||
          (ref.kind == _CORD_IOS_IF_SVI && _cord_ios_svi_find (ios, ref.vid) == NULL))
        continue;
      apply (exec, &ref, msgs, data);
      _cord_ios_log_all (exec, msgs);
    }
}

static void
apply_description (CordIosExec         *exec,
                   const _CordIosIfRef *ref,
                   GPtrArray           *msgs,
                   gpointer             data)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  char **slot;

  if (ref->kind == _CORD_IOS_IF_SVI)
    slot = &_cord_ios_svi_find (ios, ref->vid)->description;
  else
    slot = &_cord_ios_if_conf (ios, ref->name, TRUE)->description;
  g_free (*slot);
  *slot = g_strdup (data);
}

static void
cmd_description (CordIosExec *exec)
{
  const char *text = cord_ios_exec_arg (exec, "LINE");

  if (text != NULL && strlen (text) > DESCRIPTION_MAX)
    {
      cord_ios_exec_invalid (exec, "LINE");
      return;
    }
  for_each_member (exec, apply_description, (gpointer) text);
}

static void
port_shutdown (CordIosExec         *exec,
               const _CordIosIfRef *ref,
               gboolean             shut,
               GPtrArray           *msgs)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  _CordIosIfState *st = _cord_ios_if_state (ios);
  g_autoptr(GError) error = NULL;
  gboolean was_line = cord_sim_port_is_up (ios->sim, ref->port);
  gboolean ok;

  g_assert (ref->kind == _CORD_IOS_IF_PORT);
  if (cord_sim_port_get_shutdown (ios->sim, ref->port) == shut)
    return;
  /* The port hook reports this port to nobody: the command logs it. */
  st->changing = ref->port;
  ok = cord_sim_port_set_shutdown (ios->sim, ref->port, shut, &error);
  st->changing = NULL;
  if (!ok)
    {
      _cord_ios_print_error (exec, error);
      return;
    }
  /* A switch port whose line does not change says so at once; the rest
   * is logged after the prompt (the captures of reference 1.1, 7 and of
   * a 2960's `shutdown` on a range of ports, some of them up). */
  if (_cord_ios_is_switch (ios) && was_line == cord_sim_port_is_up (ios->sim, ref->port))
    {
      g_autoptr(GPtrArray) now = g_ptr_array_new_with_free_func (g_free);

      _cord_ios_msg_link (now, ref->name, shut ? _CORD_IOS_LINK_ADMIN_DOWN : _CORD_IOS_LINK_CHANGED_DOWN);
      cord_ios_exec_print (exec, "\n%s\n", (const char *) now->pdata[0]);
    }
  else if (shut)
    _cord_ios_port_messages (ios, ref->port, _CORD_IOS_LINK_ADMIN_DOWN, was_line, msgs);
  else if (cord_sim_port_is_up (ios->sim, ref->port))
    _cord_ios_port_messages (ios, ref->port, _CORD_IOS_LINK_UP, TRUE, msgs);
  else
    _cord_ios_port_messages (ios, ref->port, _CORD_IOS_LINK_DOWN, FALSE, msgs);
}

static void
subif_shutdown (CordIosExec         *exec,
                const _CordIosIfRef *ref,
                gboolean             shut,
                GPtrArray           *msgs)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  _CordIosIfConf *conf = _cord_ios_if_conf (ios, ref->name, TRUE);
  g_autoptr(GError) error = NULL;
  CordIpIfInfo info;
  gboolean was_up;

  g_assert (ref->kind == _CORD_IOS_IF_SUBIF);
  if (conf->shutdown == shut || !cord_ip_get_interface (ios->sim, ios->device, ref->name, &info))
    return;
  was_up = info.line_up;
  cord_ip_if_info_clear (&info);
  if (!cord_ip_if_set_shutdown (ios->sim, ios->device, ref->name, shut, &error))
    {
      _cord_ios_print_error (exec, error);
      return;
    }
  conf->shutdown = shut;
  /* Under a parent that is shut down nothing changes that IOS logs. */
  if (cord_sim_port_get_shutdown (ios->sim, ref->port))
    return;
  if (shut)
    {
      _cord_ios_msg_link (msgs, ref->name, _CORD_IOS_LINK_ADMIN_DOWN);
      if (was_up)
        _cord_ios_msg_proto (msgs, ref->name, FALSE);
    }
  else if (cord_sim_port_is_up (ios->sim, ref->port))
    {
      _cord_ios_msg_link (msgs, ref->name, _CORD_IOS_LINK_UP);
      _cord_ios_msg_proto (msgs, ref->name, TRUE);
    }
  else
    _cord_ios_msg_link (msgs, ref->name, _CORD_IOS_LINK_DOWN);
}

static void
svi_shutdown (CordIosExec         *exec,
              const _CordIosIfRef *ref,
              gboolean             shut,
              GPtrArray           *msgs)
{
  _CordIosSvi *svi = _cord_ios_svi_find (cord_ios_exec_get_device (exec), ref->vid);

  if (svi->shutdown == shut)
    return;
  svi->shutdown = shut;
  _cord_ios_msg_link (msgs, ref->name, shut ? _CORD_IOS_LINK_ADMIN_DOWN : _CORD_IOS_LINK_UP);
}

static void
apply_shutdown (CordIosExec         *exec,
                const _CordIosIfRef *ref,
                GPtrArray           *msgs,
                gpointer             data)
{
  gboolean shut = GPOINTER_TO_INT (data);

  switch (ref->kind)
    {
    case _CORD_IOS_IF_SUBIF:
      subif_shutdown (exec, ref, shut, msgs);
      break;
    case _CORD_IOS_IF_SVI:
      svi_shutdown (exec, ref, shut, msgs);
      break;
    case _CORD_IOS_IF_PORT:
    default:
      port_shutdown (exec, ref, shut, msgs);
      break;
    }
  /* The SVIs of the VLANs the port carried follow it. */
  _cord_ios_svi_refresh (cord_ios_exec_get_device (exec), msgs);
}

static void
cmd_shutdown (CordIosExec *exec)
{
  for_each_member (exec, apply_shutdown, GINT_TO_POINTER (!cord_ios_exec_has (exec, "no")));
}

/* --- ip address --------------------------------------------------------- */

typedef struct {
  guint32 address;
  guint32 mask;
} Address;

/* Addresses IOS keeps itself (SVIs, routed 3560 ports) overlap neither
 * each other nor, on a router, its interfaces, as IOS checks. */
static gboolean
kept_address_free (CordIosExec   *exec,
                   const char    *self,
                   const Address *want)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  _CordIosIfState *st = _cord_ios_if_state (ios);
  g_autoptr(GPtrArray) taken = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) masks = g_array_new (FALSE, FALSE, sizeof (Address));
  GArray *ifs = cord_ip_list_interfaces (ios->sim, ios->device);
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < st->svis->len; i++)
    {
      const _CordIosSvi *svi = st->svis->pdata[i];
      Address a = { svi->address, svi->mask };

      g_ptr_array_add (taken, g_strdup_printf ("Vlan%u", svi->vid));
      g_array_append_val (masks, a);
    }
  g_hash_table_iter_init (&iter, st->confs);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const _CordIosIfConf *conf = value;
      Address a = { conf->address, conf->mask };

      g_ptr_array_add (taken, g_strdup (conf->name));
      g_array_append_val (masks, a);
    }
  for (guint i = 0; ifs != NULL && i < ifs->len; i++)
    {
      const CordIpIfInfo *info = &g_array_index (ifs, CordIpIfInfo, i);
      Address a = { info->address, info->mask };

      g_ptr_array_add (taken, g_strdup (info->name));
      g_array_append_val (masks, a);
    }
  if (ifs != NULL)
    g_array_unref (ifs);

  for (guint i = 0; i < taken->len; i++)
    {
      const Address *other = &g_array_index (masks, Address, i);
      guint32 m = MIN (want->mask, other->mask);
      char net[CORD_FRAME_IPV4_STRLEN];

      if (other->address == 0 || g_ascii_strcasecmp (taken->pdata[i], self) == 0 ||
          (want->address & m) != (other->address & m))
        continue;
      cord_ios_exec_print (exec, _("%% %s overlaps with %s\n"),
                           cord_frame_ipv4_to_string (want->address & want->mask, net),
                           (const char *) taken->pdata[i]);
      return FALSE;
    }
  return TRUE;
}

/* Sets (or with 0, 0 removes) the address IOS keeps for @ref. */
static void
set_kept_address (CordIosExec         *exec,
                  const _CordIosIfRef *ref,
                  const Address       *want)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  guint32 *address, *mask;

  if (want->address != 0 && !kept_address_free (exec, ref->name, want))
    return;
  if (ref->kind == _CORD_IOS_IF_SVI)
    {
      _CordIosSvi *svi = _cord_ios_svi_find (ios, ref->vid);

      address = &svi->address;
      mask = &svi->mask;
    }
  else
    {
      _CordIosIfConf *conf = _cord_ios_if_conf (ios, ref->name, TRUE);

      address = &conf->address;
      mask = &conf->mask;
    }
  *address = want->address;
  *mask = want->mask;
}

static void
apply_address (CordIosExec         *exec,
               const _CordIosIfRef *ref,
               GPtrArray           *msgs,
               gpointer             data)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  const Address *want = data;
  g_autoptr(GError) error = NULL;
  _CordIosIfConf *conf;

  if (want->address != 0 && !cord_ip_check_address (want->address, want->mask, &error))
    {
      _cord_ios_print_error (exec, error);
      return;
    }
  if (ref->kind == _CORD_IOS_IF_SVI)
    {
      set_kept_address (exec, ref, want);
      return;
    }
  if (ref->kind == _CORD_IOS_IF_PORT && _cord_ios_is_switch (ios))
    {
      conf = _cord_ios_if_conf (ios, ref->name, FALSE);
      if (conf != NULL && conf->routed)
        set_kept_address (exec, ref, want);
      else if (want->address != 0)
        print_str (exec, N_("% IP addresses may not be configured on L2 links."));
      return;
    }
  /* A router's interfaces: first against the SVI the router may have. */
  if (want->address != 0 && !kept_address_free (exec, ref->name, want))
    return;
  if (!cord_ip_if_set_address (ios->sim, ios->device, ref->name, want->address, want->mask, &error))
    _cord_ios_print_error (exec, error);
}

/* `ip address` exists on a 2960's SVIs, not on its ports. */
static gboolean
address_allowed (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  const char *const *members = _cord_ios_if_members (exec);

  if (!_cord_ios_is_switch (ios) || _cord_ios_is_l3_switch (ios))
    return TRUE;
  for (guint i = 0; members[i] != NULL; i++)
    if (g_ascii_strncasecmp (members[i], "Vlan", 4) != 0)
      return FALSE;
  return TRUE;
}

static void
cmd_ip_address (CordIosExec *exec)
{
  Address want = { 0, 0 };

  if (!address_allowed (exec))
    {
      cord_ios_exec_invalid (exec, "address");
      return;
    }
  if (!cord_ios_exec_has (exec, "no"))
    {
      cord_frame_ipv4_parse (cord_ios_exec_arg (exec, "address-value"), &want.address);
      cord_frame_ipv4_parse (cord_ios_exec_arg (exec, "mask"), &want.mask);
      /* cord_ip_check_address() turns 0.0.0.0 away as IOS does. */
      if (want.address == 0)
        {
          char a[CORD_FRAME_IPV4_STRLEN];

          cord_ios_exec_print (exec, _("Not a valid host address - %s\n"),
                               cord_frame_ipv4_to_string (0, a));
          return;
        }
    }
  for_each_member (exec, apply_address, &want);
}

static void
cmd_unsupported (CordIosExec *exec)
{
  print_str (exec, _CORD_IOS_UNSUPPORTED_STR);
}

/* --- speed, duplex ------------------------------------------------------ */

/* Speed and duplex are settings of Ethernet ports only. */
static gboolean
members_are_ethernet (CordIosExec *exec,
                      gboolean     gigabit)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  const char *const *members = _cord_ios_if_members (exec);

  for (guint i = 0; members[i] != NULL; i++)
    {
      g_auto(_CordIosIfRef) ref = { 0 };

      if (!_cord_ios_if_resolve (ios, members[i], &ref))
        continue;
      if (ref.kind != _CORD_IOS_IF_PORT || !is_ethernet (ref.port) ||
          (gigabit && strcmp (ref.port->type, "GigabitEthernet") != 0))
        return FALSE;
    }
  return TRUE;
}

static void
apply_speed (CordIosExec         *exec,
             const _CordIosIfRef *ref,
             GPtrArray           *msgs,
             gpointer             data)
{
  _cord_ios_if_conf (cord_ios_exec_get_device (exec), ref->name, TRUE)->speed = GPOINTER_TO_UINT (data);
}

static void
cmd_speed (CordIosExec *exec)
{
  const char *value = cord_ios_exec_arg (exec, "value");
  guint speed = value != NULL && strcmp (value, "auto") != 0 ? (guint) atoi (value) : 0;

  if (!members_are_ethernet (exec, speed == 1000))
    {
      cord_ios_exec_invalid (exec, speed == 1000 ? "value" : "speed");
      return;
    }
  for_each_member (exec, apply_speed, GUINT_TO_POINTER (speed));
}

static void
apply_duplex (CordIosExec         *exec,
              const _CordIosIfRef *ref,
              GPtrArray           *msgs,
              gpointer             data)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  _CordIosIfConf *conf = _cord_ios_if_conf (ios, ref->name, TRUE);
  CordIosDuplex duplex = GPOINTER_TO_UINT (data);
  g_autoptr(GPtrArray) bounce = g_ptr_array_new_with_free_func (g_free);

  if (conf->duplex == duplex)
    return;
  conf->duplex = duplex;
  /* Packet Tracer renegotiates a link that is up, and prints that at once. */
  if (!cord_sim_port_is_up (ios->sim, ref->port))
    return;
  _cord_ios_msg_link (bounce, ref->name, _CORD_IOS_LINK_DOWN);
  _cord_ios_msg_proto (bounce, ref->name, FALSE);
  _cord_ios_msg_link (bounce, ref->name, _CORD_IOS_LINK_UP);
  _cord_ios_msg_proto (bounce, ref->name, TRUE);
  for (guint i = 0; i < bounce->len; i++)
    cord_ios_exec_print (exec, "%s\n\n", (const char *) bounce->pdata[i]);
}

static void
cmd_duplex (CordIosExec *exec)
{
  const char *value = cord_ios_exec_arg (exec, "value");
  CordIosDuplex duplex = CORD_IOS_DUPLEX_AUTO;

  if (g_strcmp0 (value, "full") == 0)
    duplex = CORD_IOS_DUPLEX_FULL;
  else if (g_strcmp0 (value, "half") == 0)
    duplex = CORD_IOS_DUPLEX_HALF;
  if (!members_are_ethernet (exec, FALSE))
    {
      cord_ios_exec_invalid (exec, "duplex");
      return;
    }
  for_each_member (exec, apply_duplex, GUINT_TO_POINTER (duplex));
}

/* --- mac-address --------------------------------------------------------- */

/* H.H.H as the matcher let it through: three groups of 1 to 4 hex digits. */
static guint64
parse_mac (const char *text)
{
  g_auto(GStrv) groups = g_strsplit (text, ".", 3);
  guint64 mac = 0;

  g_assert (g_strv_length (groups) == 3);
  for (guint i = 0; i < 3; i++)
    mac = mac << 16 | g_ascii_strtoull (groups[i], NULL, 16);
  return mac;
}

static void
apply_mac (CordIosExec         *exec,
           const _CordIosIfRef *ref,
           GPtrArray           *msgs,
           gpointer             data)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  g_autoptr(GError) error = NULL;

  if (ref->kind != _CORD_IOS_IF_PORT)
    return;
  if (!cord_ip_if_set_mac (ios->sim, ios->device, ref->name, *(const guint64 *) data, &error))
    _cord_ios_print_error (exec, error);
}

static void
cmd_mac_address (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  guint64 mac = 0;

  /* A switch port's MAC is not simulated: only routed ports send from one. */
  if (_cord_ios_is_switch (ios))
    {
      cmd_unsupported (exec);
      return;
    }
  if (!members_are_ethernet (exec, FALSE))
    {
      cord_ios_exec_invalid (exec, "mac-address");
      return;
    }
  if (!cord_ios_exec_has (exec, "no"))
    {
      mac = parse_mac (cord_ios_exec_arg (exec, "H.H.H"));
      /* A group address (the lowest bit of the first byte) cannot be an
       * interface's: IOS marks the value. */
      if ((mac >> 40 & 1) != 0)
        {
          cord_ios_exec_invalid (exec, "H.H.H");
          return;
        }
    }
  for_each_member (exec, apply_mac, &mac);
}

/* --- (config-subif) ----------------------------------------------------- */

static void
apply_encapsulation (CordIosExec         *exec,
                     const _CordIosIfRef *ref,
                     GPtrArray           *msgs,
                     gpointer             data)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  g_autoptr(GError) error = NULL;
  guint vid = (guint) cord_ios_exec_arg_int (exec, "vid", 0);

  if (ref->kind != _CORD_IOS_IF_SUBIF)
    return;
  if (!cord_ip_if_set_encapsulation (ios->sim, ios->device, ref->name, data != NULL ? vid : 0,
                                     data != NULL && cord_ios_exec_has (exec, "native"), &error))
    _cord_ios_print_error (exec, error);
}

static void
cmd_encapsulation (CordIosExec *exec)
{
  for_each_member (exec, apply_encapsulation,
                   cord_ios_exec_has (exec, "no") ? NULL : GINT_TO_POINTER (1));
}

/* --- Tables ------------------------------------------------------------- */

#define PORT_CMDS(syntax, handler, flags, ...) \
  { CORD_IOS_NODE_INTERFACE, syntax, CORD_IOS_HELPS (__VA_ARGS__), handler, flags }, \
  { CORD_IOS_NODE_IF_RANGE, syntax, CORD_IOS_HELPS (__VA_ARGS__), handler, flags }
#define ALL_IF_CMDS(syntax, handler, flags, ...) \
  PORT_CMDS (syntax, handler, flags, __VA_ARGS__), \
  { CORD_IOS_NODE_SUBIF, syntax, CORD_IOS_HELPS (__VA_ARGS__), handler, flags }

static const CordIosCommand interface_commands[] = {
  { CORD_IOS_NODE_CONFIG, "interface IFNAME",
    CORD_IOS_HELPS (INTERFACE_STR, N_("Interface name")), cmd_interface, 0 },
  { CORD_IOS_NODE_CONFIG, "interface range IFRANGE",
    CORD_IOS_HELPS (INTERFACE_STR, N_("interface range command"), N_("Interface range")),
    cmd_interface_range, 0 },
  { CORD_IOS_NODE_CONFIG, "no interface IFNAME",
    CORD_IOS_HELPS (NO_STR, INTERFACE_STR, N_("Interface name")), cmd_no_interface, 0 },

  ALL_IF_CMDS ("description LINE", cmd_description, 0,
               N_("Interface specific description"),
               N_("Up to 240 characters describing this interface")),
  ALL_IF_CMDS ("no description", cmd_description, 0,
               NO_STR, N_("Interface specific description")),
  ALL_IF_CMDS ("[no] shutdown", cmd_shutdown, 0,
               NO_STR, N_("Shutdown the selected interface")),
  ALL_IF_CMDS ("ip address A.B.C.D$address-value A.B.C.D$mask", cmd_ip_address, 0,
               IP_INTERFACE_STR, IP_ADDRESS_STR, N_("IP address"), N_("IP subnet mask")),
  ALL_IF_CMDS ("ip address A.B.C.D A.B.C.D secondary", cmd_unsupported, 0,
               IP_INTERFACE_STR, IP_ADDRESS_STR, N_("IP address"), N_("IP subnet mask"),
               N_("Make this IP address a secondary address")),
  PORT_CMDS ("ip address dhcp", cmd_unsupported, 0,
             IP_INTERFACE_STR, IP_ADDRESS_STR, N_("IP Address negotiated via DHCP")),
  ALL_IF_CMDS ("no ip address [A.B.C.D A.B.C.D]", cmd_ip_address, 0,
               NO_STR, IP_INTERFACE_STR, IP_ADDRESS_STR, N_("IP address"), N_("IP subnet mask")),
  PORT_CMDS ("speed <10|100|auto>$value", cmd_speed, 0,
             N_("Configure speed operation."), N_("Force 10 Mbps operation"),
             N_("Force 100 Mbps operation"), N_("Enable AUTO speed configuration")),
  /* Gigabit ports only: hidden, as `speed ?` on FastEthernet has no 1000. */
  PORT_CMDS ("speed 1000$value", cmd_speed, CORD_IOS_CMD_HIDDEN,
             N_("Configure speed operation."), N_("Force 1000 Mbps operation")),
  PORT_CMDS ("no speed", cmd_speed, 0, NO_STR, N_("Configure speed operation.")),
  PORT_CMDS ("duplex <auto|full|half>$value", cmd_duplex, 0,
             N_("Configure duplex operation."), N_("Enable AUTO duplex configuration"),
             N_("Force full duplex operation"), N_("Force half-duplex operation")),
  PORT_CMDS ("no duplex", cmd_duplex, 0, NO_STR, N_("Configure duplex operation.")),
  PORT_CMDS ("mac-address H.H.H", cmd_mac_address, CORD_IOS_CMD_ROUTING,
             MAC_ADDRESS_STR, N_("MAC address")),
  PORT_CMDS ("no mac-address [H.H.H]", cmd_mac_address, CORD_IOS_CMD_ROUTING,
             NO_STR, MAC_ADDRESS_STR, N_("MAC address")),

  /* Real commands not simulated yet: they say so instead of failing. */
  ALL_IF_CMDS ("[no] ip helper-address LINE", cmd_unsupported, CORD_IOS_CMD_HIDDEN,
               NO_STR, IP_INTERFACE_STR, N_("Specify a destination address for UDP broadcasts"),
               N_("IP destination address")),
  ALL_IF_CMDS ("[no] ip nat LINE", cmd_unsupported, CORD_IOS_CMD_HIDDEN,
               NO_STR, IP_INTERFACE_STR, N_("NAT interface commands"), N_("NAT settings")),
  ALL_IF_CMDS ("[no] ip access-group LINE", cmd_unsupported, CORD_IOS_CMD_HIDDEN,
               NO_STR, IP_INTERFACE_STR, N_("Specify access control for packets"), N_("Access list")),
  ALL_IF_CMDS ("[no] ipv6 LINE", cmd_unsupported, CORD_IOS_CMD_HIDDEN,
               NO_STR, N_("IPv6 interface subcommands"), N_("IPv6 settings")),
  ALL_IF_CMDS ("[no] cdp LINE", cmd_unsupported, CORD_IOS_CMD_HIDDEN,
               NO_STR, N_("CDP interface subcommands"), N_("CDP settings")),
  PORT_CMDS ("[no] clock rate LINE", cmd_unsupported, CORD_IOS_CMD_HIDDEN,
             NO_STR, N_("Configure serial interface clock"), N_("Configure serial interface clock speed"),
             N_("Clock rate")),
  PORT_CMDS ("[no] bandwidth LINE", cmd_unsupported, CORD_IOS_CMD_HIDDEN,
             NO_STR, N_("Set bandwidth informational parameter"), N_("Bandwidth in kilobits")),
  PORT_CMDS ("[no] channel-group LINE", cmd_unsupported, CORD_IOS_CMD_HIDDEN,
             NO_STR, N_("Etherchannel/port bundling configuration"), N_("Channel group settings")),

  { CORD_IOS_NODE_SUBIF, "encapsulation dot1Q (1-4094)$vid [native]",
    CORD_IOS_HELPS (N_("Set encapsulation type for an interface"), N_("IEEE 802.1Q Virtual LAN"),
                    N_("IEEE 802.1Q VLAN ID"), N_("Make this as native vlan")),
    cmd_encapsulation, 0 },
  { CORD_IOS_NODE_SUBIF, "no encapsulation [dot1Q [(1-4094)$vid [native]]]",
    CORD_IOS_HELPS (NO_STR, N_("Set encapsulation type for an interface"), N_("IEEE 802.1Q Virtual LAN"),
                    N_("IEEE 802.1Q VLAN ID"), N_("Make this as native vlan")),
    cmd_encapsulation, 0 },
  { 0 },
};

static const CordIosConfigWriter interface_writers[] = {
  { CORD_IOS_NODE_INTERFACE, CORD_IOS_ORDER_INTERFACE, _cord_ios_write_interfaces },
  { 0 },
};

const CordIosModule cord_ios_module_interface = {
  "interface", interface_commands, interface_writers,
};
