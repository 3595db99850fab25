/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The modes of the IOS command line: names, nesting, prompts and help headings. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ios-parser.h"

static const CordIosNode nodes[CORD_IOS_N_NODES] = {
  [CORD_IOS_NODE_USER] =      { "exec", CORD_IOS_NODE_USER, ">",
                                N_("Exec commands:"), FALSE },
  [CORD_IOS_NODE_ENABLE] =    { "exec", CORD_IOS_NODE_USER, "#",
                                N_("Exec commands:"), FALSE },
  [CORD_IOS_NODE_CONFIG] =    { "config", CORD_IOS_NODE_ENABLE, "(config)#",
                                N_("Configure commands:"), TRUE },
  [CORD_IOS_NODE_INTERFACE] = { "config-if", CORD_IOS_NODE_CONFIG, "(config-if)#",
                                N_("Interface configuration commands:"), TRUE },
  [CORD_IOS_NODE_IF_RANGE] =  { "config-if-range", CORD_IOS_NODE_CONFIG, "(config-if-range)#",
                                N_("Interface configuration commands:"), TRUE },
  [CORD_IOS_NODE_SUBIF] =     { "config-subif", CORD_IOS_NODE_CONFIG, "(config-subif)#",
                                N_("Interface configuration commands:"), TRUE },
  [CORD_IOS_NODE_VLAN] =      { "config-vlan", CORD_IOS_NODE_CONFIG, "(config-vlan)#",
                                N_("VLAN configuration commands:"), TRUE },
  [CORD_IOS_NODE_LINE] =      { "config-line", CORD_IOS_NODE_CONFIG, "(config-line)#",
                                N_("Line configuration commands:"), TRUE },
  [CORD_IOS_NODE_ROUTER] =    { "config-router", CORD_IOS_NODE_CONFIG, "(config-router)#",
                                N_("Router configuration commands:"), TRUE },
  [CORD_IOS_NODE_DHCP] =      { "dhcp-config", CORD_IOS_NODE_CONFIG, "(dhcp-config)#",
                                N_("DHCP pool configuration commands:"), TRUE },
};

const CordIosNode *
cord_ios_node_get (CordIosNodeId node)
{
  g_return_val_if_fail ((guint) node < CORD_IOS_N_NODES, NULL);
  return &nodes[node];
}

gboolean
cord_ios_node_is_config (CordIosNodeId node)
{
  g_return_val_if_fail ((guint) node < CORD_IOS_N_NODES, FALSE);
  return nodes[node].config;
}
