/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Routing processes (router rip/ospf/eigrp): their (config-router) mode, kept and written, but not yet run. */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ios-exec.h"
#include "ios-modules.h"
#include "ios-strings.h"

#define ROUTER_KEY  "router-processes"

#define ROUTER_STR  N_("Enable a routing process")
#define RIP_STR     N_("Routing Information Protocol (RIP)")
#define OSPF_STR    N_("Open Shortest Path First (OSPF)")
#define EIGRP_STR   N_("Enhanced Interior Gateway Routing Protocol (EIGRP)")
#define PROCESS_STR N_("Process ID")
#define AS_STR      N_("Autonomous system number")
#define NETWORK_STR N_("Enable routing on an IP network")

/* One `router …` block. Its lines are what the user configured in it,
 * normalised, in the order IOS keeps them. */
typedef struct {
  char      *protocol;   /* "rip", "ospf", "eigrp" */
  guint      id;         /* process or AS number; 0 for RIP */
  GPtrArray *lines;      /* char *, without the leading space */
} RouterProcess;

static void
process_free (RouterProcess *process)
{
  g_free (process->protocol);
  g_ptr_array_unref (process->lines);
  g_free (process);
}

static GPtrArray *
processes (CordIosDevice *ios,
           gboolean       create)
{
  GPtrArray *list = cord_ios_device_get_data (ios, ROUTER_KEY);

  g_assert (ios != NULL);
  if (list == NULL && create)
    {
      list = g_ptr_array_new_with_free_func ((GDestroyNotify) process_free);
      cord_ios_device_set_data (ios, ROUTER_KEY, list, (GDestroyNotify) g_ptr_array_unref);
    }
  return list;
}

static RouterProcess *
find_process (CordIosDevice *ios,
              const char    *protocol,
              guint          id,
              guint         *index)
{
  GPtrArray *list = processes (ios, FALSE);

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      RouterProcess *p = list->pdata[i];

      if (strcmp (p->protocol, protocol) == 0 && p->id == id)
        {
          if (index != NULL)
            *index = i;
          return p;
        }
    }
  return NULL;
}

/* "rip", "ospf" or "eigrp", and the number typed after it. */
static const char *
typed_protocol (CordIosExec *exec,
                guint       *id)
{
  *id = (guint) cord_ios_exec_arg_int (exec, "id", 0);
  if (cord_ios_exec_has (exec, "ospf"))
    return "ospf";
  if (cord_ios_exec_has (exec, "eigrp"))
    return "eigrp";
  return "rip";
}

static void
cmd_router (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  guint id;
  const char *protocol = typed_protocol (exec, &id);
  RouterProcess *process = find_process (ios, protocol, id, NULL);

  if (process == NULL)
    {
      process = g_new0 (RouterProcess, 1);
      process->protocol = g_strdup (protocol);
      process->id = id;
      process->lines = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (processes (ios, TRUE), process);
    }
  /* The configuration is real and is kept, but saying nothing would let a
   * student believe routes are being exchanged. */
  {
    g_autofree char *upper = g_ascii_strup (protocol, -1);

    cord_ios_exec_print (exec, _("%% Patchcord does not run %s yet: this configuration is "
                                 "kept, but no routes are exchanged.\n"), upper);
  }
  cord_ios_exec_enter (exec, CORD_IOS_NODE_ROUTER, process, NULL);
}

static void
cmd_no_router (CordIosExec *exec)
{
  CordIosDevice *ios = cord_ios_exec_get_device (exec);
  guint id, index;
  const char *protocol = typed_protocol (exec, &id);

  if (find_process (ios, protocol, id, &index) != NULL)
    g_ptr_array_remove_index (processes (ios, FALSE), index);
}

static void
set_line (RouterProcess *process,
          const char    *prefix,
          char          *line,
          gboolean       add)
{
  /* A line with the same prefix replaces the old one (`version 2` after
   * `version 1`); with no prefix, identical lines are not repeated. */
  for (guint i = 0; i < process->lines->len; i++)
    {
      const char *old = process->lines->pdata[i];

      if (prefix != NULL ? g_str_has_prefix (old, prefix) : strcmp (old, line) == 0)
        {
          g_ptr_array_remove_index (process->lines, i);
          break;
        }
    }
  if (add)
    g_ptr_array_add (process->lines, line);
  else
    g_free (line);
}

static void
cmd_network (CordIosExec *exec)
{
  RouterProcess *process = cord_ios_exec_get_context (exec);
  const char *net = cord_ios_exec_arg (exec, "net");
  const char *wild = cord_ios_exec_arg (exec, "wild");
  const char *area = cord_ios_exec_arg (exec, "area");
  gboolean add = !cord_ios_exec_has (exec, "no");
  char *line;

  g_assert (process != NULL);
  if (strcmp (process->protocol, "rip") == 0 && wild != NULL)
    {
      cord_ios_exec_invalid (exec, "wild");
      return;
    }
  if (strcmp (process->protocol, "ospf") == 0 && (wild == NULL || area == NULL))
    {
      cord_ios_exec_print (exec, "%s\n\n", _("% Incomplete command."));
      return;
    }
  if (strcmp (process->protocol, "ospf") != 0 && area != NULL)
    {
      cord_ios_exec_invalid (exec, "area");
      return;
    }
  if (area != NULL)
    line = g_strdup_printf ("network %s %s area %s", net, wild, area);
  else if (wild != NULL)
    line = g_strdup_printf ("network %s %s", net, wild);
  else
    line = g_strdup_printf ("network %s", net);
  set_line (process, NULL, line, add);
}

static void
cmd_version (CordIosExec *exec)
{
  RouterProcess *process = cord_ios_exec_get_context (exec);
  gboolean add = !cord_ios_exec_has (exec, "no");

  g_assert (process != NULL);
  if (strcmp (process->protocol, "rip") != 0)
    {
      cord_ios_exec_invalid (exec, "version");
      return;
    }
  set_line (process, "version ",
            g_strdup_printf ("version %s", cord_ios_exec_arg (exec, "ver")), add);
}

static void
cmd_auto_summary (CordIosExec *exec)
{
  RouterProcess *process = cord_ios_exec_get_context (exec);

  g_assert (process != NULL);
  set_line (process, NULL, g_strdup ("no auto-summary"), cord_ios_exec_has (exec, "no"));
}

static void
cmd_passive (CordIosExec *exec)
{
  RouterProcess *process = cord_ios_exec_get_context (exec);
  const char *ifname = cord_ios_exec_arg (exec, "IFNAME");

  g_assert (process != NULL);
  if (cord_ios_exec_interface (exec, "IFNAME") == NULL)
    return;
  set_line (process, NULL, g_strdup_printf ("passive-interface %s", ifname),
            !cord_ios_exec_has (exec, "no"));
}

static void
cmd_router_id (CordIosExec *exec)
{
  RouterProcess *process = cord_ios_exec_get_context (exec);
  gboolean add = !cord_ios_exec_has (exec, "no");

  g_assert (process != NULL);
  if (strcmp (process->protocol, "ospf") != 0)
    {
      cord_ios_exec_invalid (exec, "router-id");
      return;
    }
  set_line (process, "router-id ",
            g_strdup_printf ("router-id %s", add ? cord_ios_exec_arg (exec, "rid") : ""), add);
}

static void
write_processes (CordIosDevice *ios,
                 GString       *out)
{
  GPtrArray *list = processes (ios, FALSE);

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      RouterProcess *p = list->pdata[i];

      if (p->id != 0)
        g_string_append_printf (out, "router %s %u\n", p->protocol, p->id);
      else
        g_string_append_printf (out, "router %s\n", p->protocol);
      for (guint l = 0; l < p->lines->len; l++)
        g_string_append_printf (out, " %s\n", (const char *) p->lines->pdata[l]);
      g_string_append (out, "!\n");
    }
}

static const CordIosCommand router_commands[] = {
  { CORD_IOS_NODE_CONFIG, "router <rip|ospf (1-65535)$id|eigrp (1-65535)$id>",
    CORD_IOS_HELPS (ROUTER_STR, RIP_STR, OSPF_STR, PROCESS_STR, EIGRP_STR, AS_STR),
    cmd_router, CORD_IOS_CMD_ROUTING },
  { CORD_IOS_NODE_CONFIG, "no router <rip|ospf (1-65535)$id|eigrp (1-65535)$id>",
    CORD_IOS_HELPS (NO_STR, ROUTER_STR, RIP_STR, OSPF_STR, PROCESS_STR, EIGRP_STR, AS_STR),
    cmd_no_router, CORD_IOS_CMD_ROUTING },
  { CORD_IOS_NODE_ROUTER, "[no] network A.B.C.D$net [A.B.C.D$wild [area (0-4294967295)$area]]",
    CORD_IOS_HELPS (NO_STR, NETWORK_STR, N_("Network number"), N_("Wildcard bits"),
                    N_("Set the OSPF area ID"), N_("OSPF area ID as a decimal value")),
    cmd_network, 0 },
  { CORD_IOS_NODE_ROUTER, "[no] version (1-2)$ver",
    CORD_IOS_HELPS (NO_STR, N_("Set routing protocol version"), N_("version")), cmd_version, 0 },
  { CORD_IOS_NODE_ROUTER, "[no] auto-summary",
    CORD_IOS_HELPS (NO_STR, N_("Enable automatic network number summarization")),
    cmd_auto_summary, 0 },
  { CORD_IOS_NODE_ROUTER, "[no] passive-interface IFNAME",
    CORD_IOS_HELPS (NO_STR, N_("Suppress routing updates on an interface"), N_("Interface name")),
    cmd_passive, 0 },
  { CORD_IOS_NODE_ROUTER, "[no] router-id A.B.C.D$rid",
    CORD_IOS_HELPS (NO_STR, N_("router-id for this OSPF process"), N_("OSPF router-id in IP address format")),
    cmd_router_id, 0 },
  { 0 },
};

static const CordIosConfigWriter router_writers[] = {
  { CORD_IOS_NODE_ROUTER, CORD_IOS_ORDER_ROUTER, write_processes },
  { 0 },
};

const CordIosModule cord_ios_module_router = {
  "router", router_commands, router_writers,
};
